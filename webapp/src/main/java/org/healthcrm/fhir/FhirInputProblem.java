package org.healthcrm.fhir;

/**
 * A request body our FHIR API cannot take, with a message that names the element and the rule but never quotes a
 * submitted value: 400 when it is not a well-formed FHIR resource, 422 when it is one we cannot store.
 */
public class FhirInputProblem extends RuntimeException {

    private final int status;
    private final String expression;

    public FhirInputProblem(int status, String expression, String message) {
        super(message);
        this.status = status;
        this.expression = expression;
    }

    /** 400 or 422. */
    public int status() {
        return status;
    }

    /** The FHIRPath of the element at fault (Patient.gender), or null. */
    public String expression() {
        return expression;
    }
}
