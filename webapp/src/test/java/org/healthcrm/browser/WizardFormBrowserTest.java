package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A wizard form (the nurse assessment) shows one page at a time, with its pages named in the navigation. */
class WizardFormBrowserTest extends IntegrationTest {

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void wizardFormIsShownPageByPage() throws Exception {
        Response started = post("nurse", "/api/processes/qa-wizard-check/instances", "{\"businessKey\":\"wizard-" + System.nanoTime() + "\"}");
        assertThat(started.status()).isEqualTo(201);
        String businessKey = started.json().get("businessKey").asText();
        String taskId = null;
        for (var task : get("nurse", "/api/tasks?size=200").json().get("items")) {
            if (businessKey.equals(task.path("businessKey").asText())) {
                taskId = task.get("id").asText();
            }
        }
        assertThat(taskId).isNotNull();

        driver = Browser.start();
        WebDriverWait wait = SignedInBrowser.waitFor(driver);
        SignedInBrowser.signIn(driver, url(""), "nurse", PASSWORD);
        driver.get(url("/app/task.xhtml?id=" + taskId));
        wait.until(ExpectedConditions.attributeToBe(By.id("formio"), "data-ready", "true"));

        String shown = driver.findElement(By.id("formio")).getText();
        assertThat(shown).contains("Presenting concern").contains("Vital signs").contains("Disposition");
        // page 1 is shown, the fields of pages 2 and 3 are not, and there is a way forward
        assertThat(driver.findElements(By.cssSelector("#formio .formio-component-chiefComplaint"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#formio .formio-component-heartRate"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#formio .formio-component-disposition"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#formio .btn-wizard-nav-next"))).isNotEmpty();
    }
}
