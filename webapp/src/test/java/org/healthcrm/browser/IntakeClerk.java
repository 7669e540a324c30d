package org.healthcrm.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A front-desk clerk working the patient-intake forms in the task screen as a person does: typing into fields,
 * choosing from drop-downs, ticking boxes, drawing a signature, pressing Submit. Every step waits for what the page
 * shows or for the form's data to hold the value, never for a fixed time.
 */
final class IntakeClerk {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    IntakeClerk(ChromeDriver driver, WebDriverWait wait) {
        this.driver = driver;
        this.wait = wait;
    }

    /** The patient as the clerk enters them. {@code dateOfBirth} is month, day, year. */
    record NewPatient(String givenName, String familyName, int birthMonth, int birthDay, int birthYear, String phone,
                      String email) {
    }

    /** Waits until the task screen shows this task and its form is ready for input. */
    void formOf(String taskName) {
        wait.until(ExpectedConditions.textToBe(By.id("task-name"), taskName));
        wait.until(ExpectedConditions.attributeToBe(By.id("formio"), "data-ready", "true"));
    }

    void fillDemographics(NewPatient patient) {
        choose("service", "primaryCare");
        pick("intakeChannel", "walkIn");
        type("givenName", patient.givenName());
        type("familyName", patient.familyName());
        WebElement birthDate = component("dateOfBirth");
        new Select(birthDate.findElement(By.cssSelector("select[ref='month']")))
                .selectByValue(Integer.toString(patient.birthMonth()));
        birthDate.findElement(By.cssSelector("input[ref='day']")).sendKeys(Integer.toString(patient.birthDay()));
        birthDate.findElement(By.cssSelector("input[ref='year']")).sendKeys(Integer.toString(patient.birthYear()));
        holds("dateOfBirth", String.format("%02d/%02d/%04d", patient.birthMonth(), patient.birthDay(),
                patient.birthYear()));
        choose("administrativeSex", "female");
        type("phone", patient.phone().replaceAll("\\D", ""), patient.phone());
        type("email", patient.email());
        type("address.line1", "12 Harbor Street");
        type("address.city", "Portland");
        type("address.state", "ME");
        type("address.postalCode", "04101");
        type("emergencyContactName", "Sam Doe");
    }

    /** No red flags, no known allergies, one medication, hypertension. */
    void fillHealthHistory() {
        tick("noKnownAllergies");
        WebElement medications = component("medications");
        if (medications.findElements(By.cssSelector("[name$='[name]']")).isEmpty()) {
            press(medications.findElement(By.cssSelector("button.formio-button-add-row")));
        }
        WebElement name = wait.until(d -> component("medications").findElements(By.cssSelector("input[name$='[name]']"))
                .stream().findFirst().orElse(null));
        name.sendKeys("Lisinopril");
        wait.until(d -> "Lisinopril".equals(script(
                "var rows = form().submission.data.medications; return rows && rows[0] && rows[0].name;")));
        tick(component("conditions").findElement(By.cssSelector("input[value='hypertension']")));
        wait.until(d -> Boolean.TRUE.equals(script("return form().submission.data.conditions.hypertension;")));
    }

    /** The patient consents to treatment and acknowledges the privacy notice, then signs on the pad. */
    void signConsents(String signer) {
        tick("consentToTreatment");
        tick("privacyNoticeAcknowledged");
        tick("consentSms");
        type("signerName", signer);
        WebElement pad = component("signature").findElement(By.cssSelector("canvas"));
        scrollTo(pad);
        wait.until(d -> pad.getSize().getWidth() > 100 && pad.getSize().getHeight() > 40);
        new Actions(driver).moveToElement(pad, -pad.getSize().getWidth() / 4, 0).clickAndHold()
                .moveByOffset(25, -12).moveByOffset(25, 18).moveByOffset(25, -20).moveByOffset(25, 14)
                .release().perform();
        wait.until(d -> String.valueOf(script("return form().submission.data.signature;"))
                .startsWith("data:image/png;base64,"));
    }

    void chooseInsurance(String payer, String memberId) {
        pick("coverageType", "insurance");
        type("payerName", payer);
        type("memberId", memberId);
        holds("subscriberRelationship", "self");
    }

    void confirmReview() {
        tick("informationConfirmed");
    }

    /**
     * Presses Submit and waits for the inbox, where the next step of the intake waits. When the screen answers with
     * an error instead, fails with what it says.
     */
    void submit() {
        String task = driver.findElement(By.id("task-name")).getText();
        press(driver.findElement(By.cssSelector("#formio button[name='data[submit]']")));
        wait.until(d -> d.getCurrentUrl().contains("/app/inbox.xhtml")
                || !d.findElements(By.cssSelector(".ui-growl-error, .ui-growl-fatal")).isEmpty());
        if (!driver.getCurrentUrl().contains("/app/inbox.xhtml")) {
            // the message fades in: read its text whether or not it is visible yet
            String says = driver.findElements(By.cssSelector(".ui-growl-error .ui-growl-message > *")).stream()
                    .map(part -> part.getAttribute("textContent").strip())
                    .collect(java.util.stream.Collectors.joining(" "));
            throw new AssertionError("'" + task + "' was not submitted; the screen says: " + says + " "
                    + driver.findElement(By.id("server-errors")).getAttribute("textContent").strip());
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "Task completed"));
    }

    // --- one field at a time ---------------------------------------------------------------------------------------

    /** The field's component once shown (Form.io shows conditional parts a moment after the form is ready). */
    private WebElement component(String key) {
        By component = By.cssSelector("#formio .formio-component-" + key);
        return wait.until(d -> d.findElements(component).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    private void type(String path, String text) {
        type(path, text, text);
    }

    /** Types into a text field and waits until the form's data holds {@code expected} (after masks). */
    private void type(String path, String text, String expected) {
        By field = By.cssSelector("#formio [name='" + dataName(path) + "']");
        WebElement input = wait.until(d -> d.findElements(field).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
        scrollTo(input);
        input.sendKeys(text);
        holds(path, expected);
    }

    /** Chooses from a Choices.js drop-down with the mouse (it reacts to mouse presses, not to scripted clicks). */
    private void choose(String key, String value) {
        wait.until(d -> {
            if (value.equals(valueAt(key))) {
                return true;
            }
            WebElement choices = component(key).findElement(By.cssSelector(".choices"));
            scrollTo(choices);
            try {
                if (!"true".equals(choices.getAttribute("aria-expanded"))) {
                    new Actions(driver).moveToElement(choices.findElement(By.cssSelector(".choices__list--single,"
                            + " .choices__inner, .form-control"))).click().perform();
                }
                List<WebElement> options = choices.findElements(By.cssSelector(
                        ".choices__list--dropdown .choices__item--choice[data-value='" + value + "']"));
                if (!options.isEmpty() && options.get(0).isDisplayed()) {
                    new Actions(driver).moveToElement(options.get(0)).click().perform();
                }
            } catch (WebDriverException e) {
                // the page moved under the mouse while Form.io laid out: the next poll tries again
            }
            return value.equals(valueAt(key));
        });
    }

    private void pick(String key, String value) {
        press(component(key).findElement(By.cssSelector("input[type='radio'][value='" + value + "']")));
        holds(key, value);
    }

    private void tick(String key) {
        tick(component(key).findElement(By.cssSelector("input[type='checkbox']")));
        wait.until(d -> Boolean.TRUE.equals(valueAt(key)));
    }

    private void tick(WebElement checkbox) {
        if (!checkbox.isSelected()) {
            press(checkbox);
        }
    }

    /** Form.io takes input into its data a moment after the event: wait for it before the next step. */
    private void holds(String path, String expected) {
        wait.until(d -> expected.equals(valueAt(path)));
    }

    private Object valueAt(String path) {
        return script("return arguments[0].split('.').reduce(function (o, k) { return o == null ? o : o[k]; },"
                + " form().submission.data);", path);
    }

    /**
     * Presses a button, box or radio through the DOM once it is enabled: Form.io lays the page out again as fields
     * appear, which makes a click at screen coordinates unreliable.
     */
    private void press(WebElement element) {
        scrollTo(element);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> element.isEnabled());
        driver.executeScript("arguments[0].click();", element);
    }

    private void scrollTo(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    }

    private Object script(String body, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(
                "function form() { return Object.values(Formio.forms)[0]; }\n" + body, arguments);
    }

    private static String dataName(String path) {
        StringBuilder name = new StringBuilder("data");
        for (String part : path.split("\\.")) {
            name.append('[').append(part).append(']');
        }
        return name.toString();
    }
}
