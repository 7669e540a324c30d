package org.healthcrm.compliance.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** What the compliance screens share: times in UTC, and the links to their exports. */
final class ComplianceScreens {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private ComplianceScreens() {
    }

    /** A point in time as the compliance screens show it: UTC, to the second. */
    static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The export of a report with these criteria (unset ones left out), as a link for the screen. */
    static String exportUrl(String report, String format, Map<String, Object> criteria) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("report", report);
        parameters.put("format", format);
        criteria.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                parameters.put(name, value);
            }
        });
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return request.getContextPath() + ExportController.PATH + "?" + parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, Object> criteria(Object... nameValuePairs) {
        Map<String, Object> criteria = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            criteria.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return criteria;
    }
}
