package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.dossiers.boundary.FaceTecFlow;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.reporting.control.AuditPermits;
import com.assuregateway.reporting.control.AuditPermits.Permit;
import com.assuregateway.reporting.control.AuditQueries;
import com.assuregateway.reporting.control.AuditScope;
import com.assuregateway.reporting.control.FilterParameters;
import com.assuregateway.reporting.control.ProcessFilter;
import com.assuregateway.reporting.entity.ProcessStatistics;
import com.assuregateway.reporting.entity.ServiceStatistics;
import com.assuregateway.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The console's front page: for auditors and portals, charts over a chosen period from the same statistics as
 * {@code GET /api/v1/audit/stats}; for reviewers, the backlog of the review queue.
 */
@Controller
@RequestScoped
@Path("console")
public class DashboardController {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    @Inject
    Models models;

    @Inject
    SignedIn signedIn;

    @Inject
    AuditQueries queries;

    @Inject
    AuditPermits permits;

    @Inject
    FaceTecFlow flow;

    @Inject
    Clock clock;

    @GET
    public Response dashboard(@QueryParam("days") Integer days) {
        ConsoleUser user = signedIn.user();
        int period = days != null && PERIODS.contains(days) ? days : 30;
        models.put("periods", PERIODS);
        models.put("days", period);
        if (user.has(Role.REVIEWER)) {
            models.put("backlog", flow.reviewQueue(user.readScope(), ReviewsController.QUEUE_SIZE).size());
        }
        if (user.hasAny(Role.AUDITOR, Role.PORTAL)) {
            LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(period - 1L);
            try (Permit permit = permits.aggregate()) {
                ProcessFilter filter = AuditScope.scoped(FilterParameters.of(
                        Map.of("createdFrom", List.of(from.atStartOfDay(ZoneOffset.UTC).toInstant().toString())),
                        FilterParameters.FILTER).filter(), user.auditScope());
                ProcessStatistics stats = queries.statistics(filter);
                models.put("stats", stats);
                models.put("charts", charts(stats, from, period));
                models.put("service", ServiceTiles.of(queries.service(filter)));
            } catch (GatewayProblem problem) {
                models.put("error", problem.getMessage());
            }
        }
        return Response.ok("dashboard.jsp").build();
    }

    static List<BarChart> charts(ProcessStatistics stats, LocalDate from, int days) {
        Map<LocalDate, Long> perDay = stats.perDay().stream().collect(Collectors.groupingBy(
                ProcessStatistics.DayCount::day, TreeMap::new, Collectors.summingLong(ProcessStatistics.DayCount::processes)));
        List<BarChart.Entry> volumes = new java.util.ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            volumes.add(new BarChart.Entry(day.getDayOfMonth() == 1 || i == 0 ? day.toString().substring(5) : "",
                    perDay.getOrDefault(day, 0L)));
        }
        Map<String, Long> mix = stats.perDay().stream().collect(Collectors.groupingBy(
                d -> d.decision() == null ? "none" : d.decision().name().toLowerCase(java.util.Locale.ROOT),
                TreeMap::new, Collectors.summingLong(ProcessStatistics.DayCount::processes)));
        List<BarChart.Entry> levels = stats.matchLevels().stream()
                .map(l -> new BarChart.Entry(l.matchLevel() == null ? "none" : String.valueOf(l.matchLevel()), l.processes()))
                .toList();
        return List.of(
                BarChart.of("Processes per day", volumes),
                BarChart.of("Decision mix", mix.entrySet().stream().map(e -> new BarChart.Entry(e.getKey(), e.getValue())).toList()),
                BarChart.of("Deciding match level", levels));
    }

    /** The service tiles as the page shows them: durations and the rate in words, "none" where nothing counts. */
    public record ServiceTiles(long reviewed, String reviewMedian, String reviewP90, long calls, long failedCalls,
                               String errorRate, List<ServiceStatistics.DeliveryCount> deliveries) {

        static ServiceTiles of(ServiceStatistics service) {
            ServiceStatistics.ReviewTimes times = service.reviewTimes();
            Double percent = service.upstream().errorPercent();
            return new ServiceTiles(times.reviewed(), age(times.median()), age(times.p90()), service.upstream().calls(),
                    service.upstream().failed(),
                    percent == null ? "none" : String.format(java.util.Locale.ROOT, "%.1f %%", percent),
                    service.deliveries());
        }

        private static String age(java.time.Duration wait) {
            return wait == null ? "none" : ReviewsController.QueueRow.age(wait);
        }
    }
}
