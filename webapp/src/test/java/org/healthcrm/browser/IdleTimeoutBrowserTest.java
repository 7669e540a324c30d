package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The idle timeout as a nurse meets it: the page knows the server's 15 minutes, warns before signing out, "Stay
 * signed in" renews the session, and without activity the page signs out and says why. The clock is shortened in
 * the page (not on the server) so the test takes seconds.
 */
class IdleTimeoutBrowserTest extends IntegrationTest {

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void warnsBeforeSigningOutAnIdleUser() throws Exception {
        driver = Browser.start();
        WebDriverWait wait = SignedInBrowser.waitFor(driver);
        SignedInBrowser.signIn(driver, url(""), "nurse", PASSWORD);

        Object sessionSeconds = driver.executeScript("return window.healthcrm.sessionSeconds;");
        assertThat(((Number) sessionSeconds).intValue()).isEqualTo(15 * 60);
        assertThat(driver.findElement(By.id("idle-warning")).isDisplayed()).isFalse();

        driver.executeScript("window.healthcrm.sessionSeconds = 12; window.healthcrm.warningSeconds = 10;"
                + " window.healthcrm.restartIdleClock();");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idle-warning")));
        assertThat(driver.findElement(By.id("idle-warning")).getText()).contains("signed out");

        driver.findElement(By.id("idle-stay")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("idle-warning")));
        assertThat(driver.getCurrentUrl()).contains("/app/home.xhtml");

        wait.until(ExpectedConditions.urlContains("/login.xhtml?timeout"));
        assertThat(driver.findElement(By.id("login-timeout")).getText()).contains("without activity");
        driver.get(url("/app/home.xhtml"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }
}
