package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An administrator creates a front-desk user, resets the password and deactivates the account, in Chromium. */
class UserAdminBrowserTest extends IntegrationTest {

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void adminCreatesResetsAndDeactivatesAUser() throws Exception {
        String username = "clerk" + (System.nanoTime() % 100000);
        String firstPassword = "Harbor-Lights-2026";
        String secondPassword = "Winter-Garden-77";

        driver = Browser.start();
        WebDriverWait wait = SignedInBrowser.waitFor(driver);
        SignedInBrowser.signIn(driver, url(""), "admin", PASSWORD);
        driver.findElement(By.id("nav-users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("usersForm:users")));

        // a password that is too short is refused at its field, and nothing is created
        openNewUserDialog(wait);
        driver.findElement(By.id("userForm:username")).sendKeys(username);
        driver.findElement(By.id("userForm:displayName")).sendKeys("Casey Clerk");
        driver.findElement(By.xpath("//*[@id='userForm:roles']//label[normalize-space(text())='Front desk']")).click();
        driver.findElement(By.id("userForm:password")).sendKeys("short1");
        driver.findElement(By.id("userForm:saveUser")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("userForm"), "at least 12 characters"));
        assertThat(apiStatus(username, "short1")).isEqualTo(401);

        driver.findElement(By.id("userForm:password")).sendKeys(firstPassword);
        driver.findElement(By.id("userForm:saveUser")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("userForm")));
        WebElement row = wait.until(driver -> rowOf(username));
        assertThat(row.getText()).contains("Casey Clerk").contains("Front desk").contains("Active");
        assertThat(apiStatus(username, firstPassword)).isEqualTo(200);

        // reset the password
        rowOf(username).findElement(By.className("edit-user")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("userForm:password")));
        driver.findElement(By.id("userForm:password")).sendKeys(secondPassword);
        driver.findElement(By.id("userForm:saveUser")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("userForm")));
        assertThat(apiStatus(username, secondPassword)).isEqualTo(200);

        // deactivate: the account stays, sign-in stops
        rowOf(username).findElement(By.className("deactivate-user")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(driver -> rowOf(username).getText().contains("Deactivated"));
        assertThat(apiStatus(username, secondPassword)).isEqualTo(401);
    }

    private void openNewUserDialog(WebDriverWait wait) {
        driver.findElement(By.id("usersForm:newUser")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("userForm:username")));
    }

    private WebElement rowOf(String username) {
        return driver.findElements(By.cssSelector("#usersForm\\:users tbody tr")).stream()
                .filter(tr -> tr.findElements(By.className("user-username")).stream()
                        .anyMatch(cell -> cell.getText().equals(username)))
                .findFirst().orElse(null);
    }

    private int apiStatus(String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                .header("Authorization", basic(username, password)).GET().build()).status();
    }
}
