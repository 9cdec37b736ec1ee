package com.assuregateway.reporting.boundary;

import com.assuregateway.reporting.entity.ProcessStatistics;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Statistics over the processes of a filter. Rates are fractions (0..1) and null when their denominator is
 * zero: {@code inconclusiveRate} = inconclusive / decided, {@code reviewRate} = needing review (inconclusive or
 * unknown) / decided, {@code reviewedShare} = reviewed / needing review. Days are UTC; a null decision is
 * a process not decided yet, a null match level one without a reported match. {@code perTenant} is filled
 * when the filter names no tenant.
 */
public record StatsView(Map<String, String> filter, long processes, long decided, long inconclusive,
                        Double inconclusiveRate, long needingReview, long reviewed, Double reviewRate,
                        Double reviewedShare, List<DayCount> perDay, List<LevelCount> matchLevels, List<TenantStats> perTenant) {

    public record DayCount(LocalDate day, String decision, long processes) {
    }

    public record LevelCount(Integer matchLevel, long processes) {
    }

    public record TenantStats(String tenant, long processes, long decided, long inconclusive, Double inconclusiveRate,
                         long needingReview, long reviewed, Double reviewRate) {
    }

    static StatsView of(Map<String, String> filter, ProcessStatistics s) {
        return new StatsView(filter, s.processes(), s.decided(), s.inconclusive(), rate(s.inconclusive(), s.decided()),
                s.needingReview(), s.reviewed(), rate(s.needingReview(), s.decided()),
                rate(s.reviewed(), s.needingReview()),
                s.perDay().stream().map(d -> new DayCount(d.day(), wire(d.decision()), d.processes())).toList(),
                s.matchLevels().stream().map(l -> new LevelCount(l.matchLevel(), l.processes())).toList(),
                s.perTenant().stream().map(t -> new TenantStats(t.tenant(), t.processes(), t.decided(), t.inconclusive(),
                        rate(t.inconclusive(), t.decided()), t.needingReview(), t.reviewed(),
                        rate(t.needingReview(), t.decided()))).toList());
    }

    private static String wire(DecisionOutcome decision) {
        return decision == null ? null : decision.wire();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
