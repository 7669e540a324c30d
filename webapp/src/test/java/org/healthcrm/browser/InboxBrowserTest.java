package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Front desk signs in, sees the inbox, claims a task, opens it and signs out: in real Chromium. */
class InboxBrowserTest extends IntegrationTest {

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void frontDeskSignsInClaimsATaskAndSignsOut() throws Exception {
        String businessKey = "browser-" + System.nanoTime();
        String taskId = startIntakeAndGetFirstTask(businessKey);

        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(url("/app/inbox.xhtml"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));

        driver.findElement(By.id("username")).sendKeys("frontdesk");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/app/home.xhtml"));
        assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("frontdesk");

        driver.findElement(By.id("nav-inbox")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox:tasks")));
        WebElement row = rowOf(taskId);
        assertThat(row.getText()).contains("Collect demographics").contains("Patient intake");
        assertThat(row.findElement(By.className("task-assignee")).getText()).isEmpty();

        row.findElement(By.className("claim-button")).click();
        wait.until(driver -> rowOf(taskId).findElement(By.className("task-assignee")).getText().equals("frontdesk"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "Task claimed"));

        // "My tasks" shows it
        driver.findElement(By.xpath("//div[@id='inbox:view']//*[normalize-space(text())='My tasks']")).click();
        wait.until(driver -> rowOf(taskId) != null && driver.findElements(By.className("task-assignee")).stream()
                .allMatch(cell -> cell.getText().equals("frontdesk")));

        // the task screen shows its context and renders the form
        rowOf(taskId).findElement(By.className("task-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-name")));
        assertThat(driver.findElement(By.id("task-name")).getText()).isEqualTo("Collect demographics");
        assertThat(driver.findElement(By.id("task-assignee")).getText()).isEqualTo("frontdesk");
        try {
            wait.until(ExpectedConditions.attributeToBe(By.id("formio"), "data-ready", "true"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the form did not render; console: " + Browser.consoleErrors(driver), e);
        }
        assertThat(driver.findElement(By.id("formio")).getText()).contains("Family name");

        // starting a process from the Start screen opens its first task, claimed for me
        driver.findElement(By.id("nav-start")).click();
        WebElement intake = wait.until(driver -> driver.findElements(By.cssSelector("#startForm\\:processes tbody tr")).stream()
                .filter(tr -> tr.getText().contains("Patient intake")).findFirst().orElse(null));
        intake.findElement(By.className("start-button")).click();
        wait.until(ExpectedConditions.urlContains("/app/task.xhtml"));
        assertThat(driver.findElement(By.id("task-name")).getText()).isEqualTo("Collect demographics");
        assertThat(driver.findElement(By.id("task-assignee")).getText()).isEqualTo("frontdesk");

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        assertThat(driver.findElement(By.id("login-logged-out")).getText()).contains("signed out");
        driver.get(url("/app/inbox.xhtml"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    private WebElement rowOf(String taskId) {
        List<WebElement> links = driver.findElements(By.cssSelector("a.task-link[href$='id=" + taskId + "']"));
        if (links.isEmpty()) {
            return null;
        }
        return links.get(0).findElement(By.xpath("./ancestor::tr[1]"));
    }
}
