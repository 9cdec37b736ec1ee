<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Dashboard"/>
<%@ include file="header.jspf" %>
<h1>Dashboard</h1>
<c:if test="${backlog != null}">
<section aria-labelledby="backlog-h">
<h2 id="backlog-h">Review backlog</h2>
<p><strong id="backlog"><c:out value="${backlog}"/></strong> process(es) wait for a review. <a href="${mvc.basePath}/console/reviews">Open the queue</a></p>
</section>
</c:if>
<c:if test="${stats != null}">
<form method="get" action="${mvc.basePath}/console/" class="filters">
  <div><label for="days">Period</label>
  <select id="days" name="days">
    <c:forEach var="d" items="${periods}"><option value="${d}" ${d == days ? 'selected' : ''}>last <c:out value="${d}"/> days</option></c:forEach>
  </select></div>
  <div class="actions"><button type="submit">Show</button></div>
</form>
<dl class="facts" id="totals">
  <dt>Processes</dt><dd><c:out value="${stats.processes()}"/></dd>
  <dt>Decided</dt><dd><c:out value="${stats.decided()}"/></dd>
  <dt>Needing a review</dt><dd><c:out value="${stats.needingReview()}"/></dd>
  <dt>Reviewed</dt><dd><c:out value="${stats.reviewed()}"/></dd>
</dl>
<dl class="facts" id="service">
  <dt>Time to review (median)</dt><dd id="review-median"><c:out value="${service.reviewMedian()}"/></dd>
  <dt>Time to review (90th percentile)</dt><dd id="review-p90"><c:out value="${service.reviewP90()}"/></dd>
  <dt>Assure error rate</dt><dd id="error-rate"><c:out value="${service.errorRate()}"/> <span class="note">(<c:out value="${service.failedCalls()}"/> of <c:out value="${service.calls()}"/> calls)</span></dd>
</dl>
<table id="deliveries" class="counts">
  <caption>Webhook deliveries</caption>
  <thead><tr><th scope="col">Status</th><th scope="col">Deliveries</th></tr></thead>
  <tbody>
  <c:forEach var="d" items="${service.deliveries()}"><tr><td><c:out value="${d.status()}"/></td><td><c:out value="${d.deliveries()}"/></td></tr></c:forEach>
  <c:if test="${empty service.deliveries()}"><tr><td colspan="2">None in this period.</td></tr></c:if>
  </tbody>
</table>
<div class="charts">
<c:forEach var="chart" items="${charts}">
<figure class="chart">
  <figcaption><c:out value="${chart.title()}"/></figcaption>
  <svg role="img" aria-label="${chart.title()}" viewBox="${chart.viewBox()}" width="${chart.width()}" height="${chart.height()}" class="bars">
    <line x1="0" y1="${chart.baseline()}" x2="${chart.width()}" y2="${chart.baseline()}" class="axis"/>
    <c:forEach var="b" items="${chart.bars()}">
      <g><title><c:out value="${b.label()}"/>: <c:out value="${b.value()}"/></title>
      <rect x="${b.x()}" y="${b.y()}" width="${b.barWidth()}" height="${b.barHeight()}"/>
      <c:if test="${b.value() > 0 and b.barWidth() > 12}"><text x="${b.labelX()}" y="${b.y() - 3}" class="value"><c:out value="${b.value()}"/></text></c:if>
      <text x="${b.labelX()}" y="${chart.baseline() + 16}" class="label"><c:out value="${b.label()}"/></text></g>
    </c:forEach>
  </svg>
</figure>
</c:forEach>
</div>
</c:if>
<c:if test="${error != null}"><p class="error" role="alert"><c:out value="${error}"/></p></c:if>
<%@ include file="footer.jspf" %>
