package com.assuregateway.reporting.boundary;

import java.util.List;

/**
 * One page of an audit listing. {@code nextCursor} continues after the last item (null: no more rows when
 * this page was read); {@code total} is counted only when asked for ({@code total=true}), else null.
 */
public record ProcessPage(List<AuditProcessView> items, int limit, String nextCursor, Long total) {
}
