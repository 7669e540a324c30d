package org.healthcrm.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signs a user in through the login screen, as a person would. */
final class SignedInBrowser {

    private SignedInBrowser() {
    }

    static WebDriverWait waitFor(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static void signIn(ChromeDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login.xhtml");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        waitFor(driver).until(ExpectedConditions.urlContains("/app/home.xhtml"));
    }
}
