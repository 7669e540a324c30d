package org.healthcrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A front-desk clerk fills the demographics form in Chromium: the server refuses a value at its field, the clerk
 * corrects it, saves a draft, signs out, signs in again, finds the draft and submits.
 */
class TaskFormBrowserTest extends IntegrationTest {

    @Autowired
    HistoryService historyService;
    @Autowired
    org.healthcrm.workflow.ProcessSubmissions submissions;

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void invalidValueShowsAtItsFieldAndTheDraftSurvivesSignOut() throws Exception {
        String taskId = startIntakeAndGetFirstTask("form-browser-" + System.nanoTime());
        // what the clerk typed in an earlier visit: everything but a correct family name
        ObjectNode earlier = (ObjectNode) objectMapper.readTree(Submissions.demographics("Zoë", "Ångström")).get("data");
        earlier.remove("familyName");
        Response draft = send("frontdesk", HttpRequest.newBuilder(URI.create(url("/api/tasks/" + taskId + "/draft")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":" + earlier + "}")));
        assertThat(draft.status()).isEqualTo(200);

        driver = Browser.start();
        WebDriverWait wait = SignedInBrowser.waitFor(driver);
        SignedInBrowser.signIn(driver, url(""), "frontdesk", PASSWORD);
        openTask(wait, taskId);
        assertThat(field("givenName").getAttribute("value")).isEqualTo("Zoë");

        // markup the browser lets through, the server refuses: the message shows at the field
        field("familyName").sendKeys("<b>Ångström</b>");
        formHolds(wait, "familyName", "<b>Ångström</b>");
        click(submitButton());
        // Form.io may re-render the component: look it up afresh on every poll
        wait.until(d -> d.findElement(By.cssSelector(".formio-component-familyName")).getText().contains("markup"));
        assertThat(driver.findElement(By.id("server-errors")).getText()).contains("Family name");

        // corrected and saved as a draft
        WebElement input = field("familyName");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys("Ångström");
        formHolds(wait, "familyName", "Ångström");
        click(driver.findElement(By.id("submitForm:saveDraft")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "Draft saved"));

        // sign out and in again: the draft is there
        click(driver.findElement(By.id("logout")));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        SignedInBrowser.signIn(driver, url(""), "frontdesk", PASSWORD);
        openTask(wait, taskId);
        assertThat(driver.findElement(By.id("draft-restored")).getText()).contains("draft");
        assertThat(field("familyName").getAttribute("value")).isEqualTo("Ångström");

        click(submitButton());
        wait.until(ExpectedConditions.urlContains("/app/inbox.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "Task completed"));
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getEndTime()).isNotNull();
        String instance = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
                .getProcessInstanceId();
        // the corrected name is on record in the (encrypted) submission archive, never a process variable
        assertThat(submissions.required(instance, "intake-demographics").data().path("familyName").asText())
                .isEqualTo("Ångström");
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("familyName")
                .processInstanceId(instance).count()).isZero();
    }

    private void openTask(WebDriverWait wait, String taskId) {
        driver.get(url("/app/task.xhtml?id=" + taskId));
        wait.until(ExpectedConditions.attributeToBe(By.id("formio"), "data-ready", "true"));
        wait.until(d -> !field("givenName").getAttribute("value").isEmpty());
    }

    /** Form.io takes typed text into its data a moment after the keys: wait for it before pressing a button. */
    private void formHolds(WebDriverWait wait, String key, String value) {
        wait.until(d -> value.equals(driver.executeScript(
                "var f = Object.values(Formio.forms)[0]; return f && f.submission.data[arguments[0]];", key)));
    }

    private WebElement field(String key) {
        return driver.findElement(By.cssSelector("#formio [name='data[" + key + "]']"));
    }

    /**
     * Scrolls the button into view and presses it once it is enabled (Form.io enables Submit when the form is
     * valid in the browser). Pressed through the DOM: the page moves while Form.io lays out, which makes a
     * coordinate-based click unreliable.
     */
    private void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d -> element.isEnabled());
        driver.executeScript("arguments[0].click();", element);
    }

    private WebElement submitButton() {
        return driver.findElement(By.cssSelector("#formio button[name='data[submit]']"));
    }
}
