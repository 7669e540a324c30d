package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The compliance officer, in Chromium: searches the audit trail by a patient the front desk just registered and sees
 * that patient's events, then verifies the trail on the integrity screen and sees it intact.
 */
class ComplianceBrowserTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void complianceSearchesByPatientAndVerifiesTheTrail() throws Exception {
        driver = Browser.start();
        String instance = registerThroughIntake("compliance-browser-" + System.nanoTime(), "Teodor",
                "Grabowski" + System.nanoTime() % 100_000, "11/02/1966", "teodor@example.org", false);
        awaitProcessEnd(instance);
        long patientId = ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("patientId").singleResult().getValue()).longValue();
        String mrn = jdbc.queryForObject("select mrn from patient where id = ?", String.class, patientId);

        WebDriverWait wait = SignedInBrowser.waitFor(driver);
        SignedInBrowser.signIn(driver, url(""), "compliance", PASSWORD);
        driver.findElement(By.id("nav-audit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("auditForm:events")));
        driver.findElement(By.id("auditForm:patient")).sendKeys(mrn);
        driver.findElement(By.id("auditForm:search")).click();

        // newest first: the EHR push came last
        wait.until(d -> actions().contains("PATIENT_EHR_LINK"));
        assertThat(actions()).contains("CONSENT_EHR_LINK");
        List<WebElement> rows = driver.findElements(By.cssSelector("#auditForm\\:events tbody tr.audit-row"));
        assertThat(rows).allSatisfy(row -> assertThat(row.findElement(By.className("audit-mrn")).getText())
                .isEqualTo(mrn));
        assertThat(driver.findElement(By.id("export-pdf")).getAttribute("href"))
                .contains("report=audit-trail", "format=pdf", "patient=" + mrn);

        driver.findElement(By.id("nav-integrity")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("integrityForm:verifyAll"))).click();
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        assertThat(result.getText()).isEqualTo("INTACT");
        assertThat(driver.findElement(By.id("verification-summary")).getText()).contains("Checked the whole chain");
    }

    private List<String> actions() {
        return driver.findElements(By.cssSelector("#auditForm\\:events .audit-action")).stream()
                .map(WebElement::getText).toList();
    }
}
