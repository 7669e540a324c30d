package org.healthcrm.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import ca.uhn.fhir.rest.api.EncodingEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Parses request bodies strictly: an unknown element, a value that is not valid for its element (a gender of
 * "robot"), a repeated single element or malformed JSON is refused with 400. Unlike HAPI's own strict handler, the
 * messages never quote a submitted value, so nothing a client sent ends up in a response or a log.
 */
final class FhirInput {

    private FhirInput() {
    }

    static <T extends IBaseResource> T parse(FhirContext context, String body, EncodingEnum encoding, Class<T> type) {
        String typeName = context.getResourceType(type);
        if (body == null || body.isBlank()) {
            throw new FhirInputProblem(400, null, "The request has no body: send a " + typeName + " resource");
        }
        boolean xml = encoding == EncodingEnum.XML;
        IParser parser = (xml ? context.newXmlParser() : context.newJsonParser()).setParserErrorHandler(new Refusing());
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(body);
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException e) {
            FhirInputProblem ours = ourCause(e);
            if (ours != null) {
                throw ours;
            }
            throw new FhirInputProblem(400, null, "The request body is not a well-formed FHIR resource in "
                    + (xml ? "XML" : "JSON"));
        }
        if (!type.isInstance(parsed)) {
            throw new FhirInputProblem(400, null, "The request body must be a " + typeName + " resource, not "
                    + context.getResourceType(parsed));
        }
        return type.cast(parsed);
    }

    private static FhirInputProblem ourCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FhirInputProblem problem) {
                return problem;
            }
        }
        return null;
    }

    /** Refuses what HAPI's strict handler refuses, with messages that name elements only. */
    static final class Refusing implements IParserErrorHandler {

        private static String where(IParseLocation location) {
            return location == null || location.getParentElementName() == null ? ""
                    : " in element '" + location.getParentElementName() + "'";
        }

        private static FhirInputProblem invalid(String message) {
            return new FhirInputProblem(400, null, message);
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            throw invalid("A contained resource has no id");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected,
                                      ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
            // element name and JSON types only
            throw new FhirInputProblem(400, elementName, LenientErrorHandler.createIncorrectJsonTypeMessage(
                    elementName, expected, expectedScalar, found, foundScalar));
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String element = location == null ? null : location.getParentElementName();
            throw new FhirInputProblem(400, element, element == null ? "A value is not valid for its element"
                    : "The value of element '" + element + "' is not valid for it");
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String elementName) {
            throw new FhirInputProblem(400, elementName, "Required element '" + elementName + "' is missing"
                    + where(location));
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            throw new FhirInputProblem(400, elementName, "Element '" + elementName + "' repeats but may occur only once"
                    + where(location));
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            throw invalid("Unknown attribute '" + attributeName + "'" + where(location));
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            throw new FhirInputProblem(400, elementName, "Unknown element '" + elementName + "'" + where(location));
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            throw invalid("A local reference (#...) names no contained resource" + where(location));
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            throw invalid("A local reference (#...) names no contained resource" + where(location));
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            throw invalid("An extension has both a value and nested extensions" + where(location));
        }
    }
}
