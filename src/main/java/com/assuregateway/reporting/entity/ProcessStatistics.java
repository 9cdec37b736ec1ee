package com.assuregateway.reporting.entity;

import com.assuregateway.dossiers.entity.DecisionOutcome;
import java.time.LocalDate;
import java.util.List;

/**
 * Counts over the processes of a filter. A null decision is a process not decided yet; a null match level
 * one without a reported match. {@code needingReview} counts the decisions that wait for a person
 * (inconclusive, unknown), {@code reviewed} those of them that got one.
 */
public record ProcessStatistics(long processes, long decided, long inconclusive, long needingReview, long reviewed,
                                List<DayCount> perDay, List<LevelCount> matchLevels, List<TenantCount> perTenant) {

    /** Processes created on one day (UTC) with one decision. */
    public record DayCount(LocalDate day, DecisionOutcome decision, long processes) {
    }

    public record LevelCount(Integer matchLevel, long processes) {
    }

    public record TenantCount(String tenant, long processes, long decided, long inconclusive, long needingReview,
                              long reviewed) {
    }
}
