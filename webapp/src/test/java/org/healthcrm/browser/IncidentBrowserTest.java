package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthcrm.operations.EhrIncidentTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator finds the incident an EHR outage left on an intake, and retries it from the Incidents screen once
 * the EHR is back: the screen follows the retry until it is done, and the intake ends.
 */
class IncidentBrowserTest extends EhrIncidentTest {

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void adminRetriesAnIncidentFromTheIncidentsScreen() throws Exception {
        String given = "Marisol";
        String family = "Quintero" + uniqueLetters();
        try {
            IntakeIncident intake = intakeWithEhrDown(given, family);

            driver = Browser.start();
            WebDriverWait wait = SignedInBrowser.waitFor(driver);
            SignedInBrowser.signIn(driver, url(""), "admin", PASSWORD);
            driver.findElement(By.id("nav-incidents")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incidentsForm:incidents")));

            WebElement row = wait.until(d -> rowOf(intake.businessKey()));
            assertThat(row.findElement(By.className("incident-process")).getText()).startsWith("Patient intake (version");
            assertThat(row.findElement(By.className("incident-activity")).getText())
                    .isEqualTo("Send the registration to the EHR");
            assertThat(row.findElement(By.className("incident-failure")).getText())
                    .contains("patient " + intake.patientId()).contains("HTTP 503");
            assertThat(row.findElement(By.className("incident-retries")).getText()).isEqualTo("0");
            assertThat(row.getText()).contains("failedJob");
            assertThat(driver.getPageSource()).doesNotContain(family).doesNotContain(given);

            // the EHR is back: Retry, confirmed
            sandbox.setAvailable(true);
            row.findElement(By.className("retry-incident")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "Retry started"));
            // the screen follows the retry until the step has run, and the incident is gone from the list
            WebElement outcome = wait.until(d -> d.findElements(By.cssSelector(
                    ".retry-line[data-incident='" + intake.incidentId() + "'] .retry-state")).stream()
                    .filter(state -> state.getText().startsWith("Done")).findFirst().orElse(null));
            assertThat(outcome.getText()).isEqualTo("Done: the process went on");
            wait.until(d -> rowOf(intake.businessKey()) == null);

            assertThat(awaitEnded(intake.processInstanceId()).getState()).isEqualTo("COMPLETED");
        } finally {
            sandbox.setAvailable(true);
        }
    }

    private WebElement rowOf(String businessKey) {
        return driver.findElements(By.cssSelector("#incidentsForm\\:incidents tbody tr")).stream()
                .filter(tr -> tr.findElements(By.className("incident-business-key")).stream()
                        .anyMatch(cell -> cell.getText().equals(businessKey)))
                .findFirst().orElse(null);
    }
}
