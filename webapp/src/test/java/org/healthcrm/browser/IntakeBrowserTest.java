package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole patient intake in Chromium, as the front desk works it: start it from the Start screen, fill demographics,
 * health history, consents signed on the signature pad, insurance and the registration review, each in the task
 * screen, taking the next step from the inbox; then find the patient by name and open the patient page with the
 * consents and the intake packet.
 */
class IntakeBrowserTest extends IntegrationTest {

    @Autowired
    TaskService taskService;

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void frontDeskRegistersAPatientInTheScreensAndFindsTheirRecord() throws Exception {
        String letters = Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "q");
        String given = "Rosalind";
        String family = "Thornbury" + letters.substring(letters.length() - 5);
        String phone = Submissions.uniquePhone();

        driver = Browser.start();
        WebDriverWait wait = SignedInBrowser.waitFor(driver);
        IntakeClerk clerk = new IntakeClerk(driver, wait);
        SignedInBrowser.signIn(driver, url(""), "frontdesk", PASSWORD);

        // Start: the intake's first task opens, claimed for me
        driver.findElement(By.id("nav-start")).click();
        WebElement intake = wait.until(d -> d.findElements(By.cssSelector("#startForm\\:processes tbody tr")).stream()
                .filter(tr -> tr.getText().contains("Patient intake")).findFirst().orElse(null));
        intake.findElement(By.className("start-button")).click();
        clerk.formOf("Collect demographics");
        assertThat(driver.findElement(By.id("task-assignee")).getText()).isEqualTo("frontdesk");
        String processInstanceId = taskService.createTaskQuery().taskId(taskIdInUrl()).singleResult()
                .getProcessInstanceId();

        clerk.fillDemographics(new IntakeClerk.NewPatient(given, family, 7, 9, 1975, phone, "rosalind@example.org"));
        clerk.submit();

        openFromInbox(wait, processInstanceId, "Collect health history");
        clerk.fillHealthHistory();
        clerk.submit();

        openFromInbox(wait, processInstanceId, "Collect consents");
        clerk.signConsents(given + " " + family);
        clerk.submit();

        openFromInbox(wait, processInstanceId, "Collect insurance or payment");
        clerk.chooseInsurance("Acme Health Plan", "RT-5520-14");
        clerk.submit();

        openFromInbox(wait, processInstanceId, "Review registration");
        clerk.confirmReview();
        clerk.submit();
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).count())
                .as("no step of the intake is left for the front desk").isZero();

        // the patient search finds the new patient by name
        driver.findElement(By.id("nav-patients")).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search:name")));
        name.sendKeys(given + " " + family);
        driver.findElement(By.id("search:find")).click();
        WebElement found = wait.until(d -> d.findElements(By.cssSelector("#search\\:results a.patient-link")).stream()
                .filter(a -> a.getText().equals(family + ", " + given)).findFirst().orElse(null));
        assertThat(driver.findElements(By.cssSelector("#search\\:results a.patient-link"))).hasSize(1);
        assertThat(found.findElement(By.xpath("./ancestor::tr[1]")).getText()).contains("1975-07-09").contains(phone);

        // the patient page: the record, the consents in force with the signed packet, and the packet itself
        found.click();
        wait.until(ExpectedConditions.textToBe(By.id("patient-name"), family + ", " + given));
        assertThat(driver.findElement(By.id("patient-mrn")).getText()).startsWith("HC");
        List<String> consents = driver.findElements(By.cssSelector("#consents tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(consents).anySatisfy(row -> assertThat(row).contains("Consent to treatment").contains("ACTIVE")
                .contains(given + " " + family).contains("signed"));
        assertThat(consents).anySatisfy(row -> assertThat(row).contains("notice of privacy practices").contains("ACTIVE"));
        assertThat(consents).anySatisfy(row -> assertThat(row).contains("Contact by text message").contains("ACTIVE"));
        assertThat(driver.findElement(By.id("coverage")).getText()).contains("Acme Health Plan").contains("RT-5520-14");
        WebElement signed = driver.findElements(By.cssSelector("#documents tbody tr a")).stream()
                .filter(a -> a.getText().startsWith("Signed consents")).findFirst().orElse(null);
        assertThat(signed).as("the signed consents among the documents").isNotNull();
        assertThat(signed.getAttribute("href")).contains("/app/document?id=");
        // the whole packet holds the health history: listed, but not a link for the front desk
        assertThat(driver.findElement(By.id("documents")).getText()).contains("Intake packet");
        assertThat(driver.findElements(By.cssSelector("#documents .document-restricted"))).singleElement()
                .satisfies(e -> assertThat(e.getText()).startsWith("Intake packet").contains("break the glass"));
        assertThat(driver.findElement(By.id("clinical-restricted")).getText()).contains("for nurses");
    }

    private String taskIdInUrl() {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf("id=") + 3);
    }

    /**
     * Opens the next step of this intake from the inbox, as the clerk does after each submission: it is the newest
     * task there. The task is looked up in the engine only to find its row.
     */
    private void openFromInbox(WebDriverWait wait, String processInstanceId, String taskName) {
        Task next = taskService.createTaskQuery().processInstanceId(processInstanceId).active().singleResult();
        assertThat(next).as("the intake waits at '" + taskName + "'").isNotNull();
        assertThat(next.getName()).isEqualTo(taskName);
        WebElement link = wait.until(d -> d.findElements(By.cssSelector("a.task-link[href$='id=" + next.getId() + "']"))
                .stream().findFirst().orElse(null));
        assertThat(link.getText()).isEqualTo(taskName);
        link.click();
        new IntakeClerk(driver, wait).formOf(taskName);
    }
}
