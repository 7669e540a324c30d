package org.healthcrm.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.healthcrm.audit.AuditSearch;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * AuditEvent: the audit trail, read by id and searched by patient, agent (user name) and date, newest first, a page
 * at a time ({@code _count}, at most {@value AuditSearch#MAX_PAGE}; the next page by {@code _offset}, in the
 * bundle's {@code next} link, which also ends the search where its first page did). Compliance and administrators only ({@link FhirAccessInterceptor}); every search and
 * read is itself audited by {@link AuditSearch}. Dates are UTC: {@code date=2026-03-02} is that day in UTC.
 */
@Component
public class AuditEventResourceProvider implements IResourceProvider {

    static final int DEFAULT_PAGE = 50;

    private final AuditSearch search;

    public AuditEventResourceProvider(AuditSearch search) {
        this.search = search;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        return search.find(FhirIds.of(id, "AuditEvent")).map(AuditEventMapping::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException("No AuditEvent with this id"));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = AuditEvent.SP_AGENT) ReferenceParam agent,
                                  @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
                                  @Offset Integer offset, @Count Integer count, RequestDetails request) {
        Long patientId = null;
        if (patient != null && patient.getIdPart() != null) {
            patientId = FhirIds.patientOf(patient);
            if (patientId == null) {
                return page(new AuditSearch.Page(java.util.List.of(), 0, false), 0);
            }
        }
        String username = agent == null || agent.getIdPart() == null || agent.getIdPart().isBlank() ? null
                : agent.getIdPart().strip();
        Instant from = date == null || date.getLowerBound() == null ? null : lower(date.getLowerBound());
        Instant to = date == null || date.getUpperBound() == null ? null : upper(date.getUpperBound());
        if (to == null) {
            // the trail grows while a client pages (this very search is audited): the pages of one search end where
            // its first page did, and the next link says so
            Instant anchor = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            to = anchor;
            String[] dates = request.getParameters().getOrDefault(AuditEvent.SP_DATE, new String[0]);
            String[] anchored = java.util.Arrays.copyOf(dates, dates.length + 1);
            anchored[dates.length] = "lt" + anchor;
            request.addParameter(AuditEvent.SP_DATE, anchored);
        }
        int size = count == null ? DEFAULT_PAGE : count;
        if (size < 0) {
            throw new InvalidRequestException("_count must not be negative");
        }
        int first = offset == null ? 0 : offset;
        if (first < 0 || first > AuditSearch.MAX_OFFSET) {
            throw new InvalidRequestException("_offset must be between 0 and " + AuditSearch.MAX_OFFSET
                    + "; narrow the search by date to go further back");
        }
        size = Math.min(size, AuditSearch.MAX_PAGE);
        return page(search.search(AuditSearch.Criteria.of(patientId, username, from, to), first, size), size);
    }

    /**
     * The page as HAPI pages without storing searches: the events of this page at their offset; one event more
     * than the page was read when another page follows, which gives the bundle its {@code next} link.
     */
    private static IBundleProvider page(AuditSearch.Page page, int size) {
        SimpleBundleProvider provider = new SimpleBundleProvider(
                page.events().stream().map(AuditEventMapping::toFhir).toList());
        provider.setSize(null);
        provider.setCurrentPageOffset(page.offset());
        provider.setCurrentPageSize(size);
        provider.setTotalResourcesRequestedReturned(page.events().size() + (page.hasMore() ? 1 : 0));
        return provider;
    }

    /** The first instant the lower bound admits (UTC for dates without a time). */
    static Instant lower(DateParam bound) {
        ParamPrefixEnum prefix = bound.getPrefix() == null ? ParamPrefixEnum.EQUAL : bound.getPrefix();
        return switch (prefix) {
            case EQUAL, GREATERTHAN_OR_EQUALS -> start(bound);
            case GREATERTHAN -> end(bound);
            default -> throw new InvalidRequestException("date takes the prefixes eq, ge, gt, le and lt");
        };
    }

    /** The first instant after what the upper bound admits (UTC for dates without a time). */
    static Instant upper(DateParam bound) {
        ParamPrefixEnum prefix = bound.getPrefix() == null ? ParamPrefixEnum.EQUAL : bound.getPrefix();
        return switch (prefix) {
            case EQUAL, LESSTHAN_OR_EQUALS -> end(bound);
            case LESSTHAN -> start(bound);
            default -> throw new InvalidRequestException("date takes the prefixes eq, ge, gt, le and lt");
        };
    }

    private static Instant start(DateParam value) {
        String text = value.getValueAsString();
        TemporalPrecisionEnum precision = value.getPrecision();
        if (text == null || precision == null) {
            throw new InvalidRequestException("date needs a date or a date and time");
        }
        return switch (precision) {
            case YEAR -> Year.parse(text.substring(0, 4)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case MONTH -> YearMonth.parse(text.substring(0, 7)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case DAY -> LocalDate.parse(text.substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> value.getValue().toInstant();
        };
    }

    /** The start of the next year, month, day, minute, second or millisecond. */
    private static Instant end(DateParam value) {
        Instant start = start(value);
        return switch (value.getPrecision()) {
            case YEAR -> start.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
            case MONTH -> start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
            case DAY -> start.atZone(ZoneOffset.UTC).plusDays(1).toInstant();
            case MINUTE -> start.plusSeconds(60);
            case SECOND -> start.plusSeconds(1);
            default -> start.plusMillis(1);
        };
    }
}
