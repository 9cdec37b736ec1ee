package com.assuregateway.reporting.control;

import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of an audit request. Every offending parameter is collected, then reported
 * at once as one 400 with a field error each; an unknown parameter is an error too, because a misspelt
 * filter that were silently ignored would answer with more than the auditor asked for.
 */
public final class FilterParameters {

    /** The criteria of {@link ProcessFilter}, shared by listing, export and statistics. */
    public static final Set<String> FILTER = Set.of("tenant", "status", "decision", "provider", "createdFrom",
            "createdTo", "updatedFrom", "updatedTo", "externalReference", "dossierId", "matchLevelMin",
            "matchLevelMax", "reviewed", "order");
    public static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_MATCH_LEVEL = 8;

    private final Map<String, List<String>> query;
    private final List<FieldError> errors = new ArrayList<>();

    private FilterParameters(Map<String, List<String>> query) {
        this.query = query;
    }

    /** @param allowed every parameter name this request accepts */
    public static FilterParameters of(Map<String, List<String>> query, Set<String> allowed) {
        FilterParameters parameters = new FilterParameters(query);
        for (String name : new TreeSet<>(query.keySet())) {
            if (!allowed.contains(name)) {
                parameters.errors.add(new FieldError(name, "is not a parameter of this request; known: "
                        + String.join(", ", new TreeSet<>(allowed))));
            }
        }
        return parameters;
    }

    public ProcessFilter filter() {
        Set<String> decisionValues = list("decision");
        boolean undecided = decisionValues.remove("none");
        Instant createdFrom = instant("createdFrom");
        Instant createdTo = instant("createdTo");
        Instant updatedFrom = instant("updatedFrom");
        Instant updatedTo = instant("updatedTo");
        Integer levelMin = integer("matchLevelMin", 0, MAX_MATCH_LEVEL);
        Integer levelMax = integer("matchLevelMax", 0, MAX_MATCH_LEVEL);
        orderedOrRefused("createdFrom", createdFrom, createdTo);
        orderedOrRefused("updatedFrom", updatedFrom, updatedTo);
        if (levelMin != null && levelMax != null && levelMin > levelMax) {
            errors.add(new FieldError("matchLevelMin", "is greater than matchLevelMax"));
        }
        String order = single("order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            errors.add(new FieldError("order", "must be asc or desc"));
        }
        return new ProcessFilter(text("tenant", 64),
                values("status", list("status"), ProcessStatus.class, ProcessStatus::wire),
                values("decision", decisionValues, DecisionOutcome.class, DecisionOutcome::wire),
                undecided, text("provider", 32), createdFrom, createdTo, updatedFrom, updatedTo,
                text("externalReference", 200), text("dossierId", 36), levelMin, levelMax, bool("reviewed"),
                !"asc".equals(order));
    }

    /** The page size: 1 to 500, the default when absent. */
    public int limit(int defaultLimit) {
        Integer limit = integer("limit", 1, MAX_PAGE_SIZE);
        return limit == null ? defaultLimit : limit;
    }

    /** The cursor parameter, or null when absent or unreadable (a field error then). */
    public Cursor cursor() {
        String token = single("cursor");
        if (token == null) {
            return null;
        }
        Cursor cursor = Cursor.parse(token);
        if (cursor == null) {
            errors.add(new FieldError("cursor", "is not a cursor this API handed out"));
        }
        return cursor;
    }

    public Boolean bool(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(name, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    public String single(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "is given more than once"));
            return null;
        }
        String value = values.get(0).trim();
        if (value.isEmpty()) {
            errors.add(new FieldError(name, "is empty"));
            return null;
        }
        return value;
    }

    /** Throws the collected field errors as one 400 problem, if there are any. */
    public void refuseIfInvalid() {
        if (!errors.isEmpty()) {
            throw new GatewayProblem(ProblemType.VALIDATION, errors.stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")), null, null, errors);
        }
    }

    private String text(String name, int maxLength) {
        String value = single(name);
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(name, "is longer than " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    /** Repeated ({@code status=a&status=b}) or comma-separated ({@code status=a,b}) values. */
    private Set<String> list(String name) {
        Set<String> values = new TreeSet<>();
        for (String value : query.getOrDefault(name, List.of())) {
            Arrays.stream(value.split(",")).map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                    .forEach(values::add);
        }
        return values;
    }

    private <E extends Enum<E>> Set<E> values(String name, Set<String> given, Class<E> type, Function<E, String> wire) {
        Set<E> known = EnumSet.noneOf(type);
        for (String value : given) {
            E match = Arrays.stream(type.getEnumConstants()).filter(e -> wire.apply(e).equals(value))
                    .findFirst().orElse(null);
            if (match == null) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(wire).collect(Collectors.joining(", "));
                errors.add(new FieldError(name, "'" + value + "' is not one of " + allowed
                        + (name.equals("decision") ? ", none" : "")));
            } else {
                known.add(match);
            }
        }
        return known;
    }

    /** An instant ({@code 2026-07-01T00:00:00Z}, any offset) or a day ({@code 2026-07-01}, midnight UTC). */
    private Instant instant(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            if (!Cursor.storable(instant)) {
                errors.add(new FieldError(name, "must be between the years 1 and 9999"));
                return null;
            }
            return instant;
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-07-01T00:00:00Z, or a day such as 2026-07-01"));
            return null;
        }
    }

    private Integer integer(String name, int min, int max) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number between " + min + " and " + max));
            return null;
        }
    }

    private void orderedOrRefused(String fromName, Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError(fromName, "must be before " + fromName.replace("From", "To")));
        }
    }
}
