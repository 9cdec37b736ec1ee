<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Webhooks"/>
<%@ include file="header.jspf" %>
<h1>Webhooks</h1>
<p>The webhook endpoints<c:if test="${!allTenants}"> of your tenant</c:if> and their newest deliveries, newest first. Endpoints are registered and deliveries replayed through <code>/api/v1/webhook-endpoints</code>.</p>
<c:if test="${empty endpoints}"><p id="no-endpoints">No webhook endpoint is registered.</p></c:if>
<c:forEach var="log" items="${endpoints}">
<section class="endpoint" aria-labelledby="ep-${log.endpoint().endpointId()}">
<h2 id="ep-${log.endpoint().endpointId()}"><c:out value="${log.endpoint().url()}"/></h2>
<dl class="facts">
  <dt>Tenant</dt><dd><c:out value="${log.endpoint().tenant()}"/></dd>
  <dt>Events</dt><dd><c:out value="${empty log.endpoint().events() ? 'every type' : log.endpoint().events()}"/></dd>
  <dt>State</dt><dd class="endpoint-state"><c:choose><c:when test="${log.endpoint().enabled()}">enabled</c:when><c:otherwise>disabled since <c:out value="${log.endpoint().disabledAt()}"/>: <c:out value="${log.endpoint().disabledReason()}"/></c:otherwise></c:choose></dd>
</dl>
<div class="scroll">
<table class="deliveries">
  <caption>Newest deliveries to this endpoint</caption>
  <thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Last error</th><th scope="col">Next attempt</th></tr></thead>
  <tbody>
  <c:forEach var="d" items="${log.deliveries()}">
    <tr>
      <td><c:out value="${d.createdAt()}"/></td>
      <td><c:out value="${d.type()}"/></td>
      <td class="delivery-status"><c:out value="${d.status()}"/></td>
      <td><c:out value="${d.attempts()}"/></td>
      <td><c:out value="${d.lastStatus() == null ? '—' : d.lastStatus()}"/></td>
      <td><c:out value="${d.lastError() == null ? '—' : d.lastError()}"/></td>
      <td><c:out value="${d.nextAttemptAt() == null ? '—' : d.nextAttemptAt()}"/></td>
    </tr>
  </c:forEach>
  <c:if test="${empty log.deliveries()}"><tr><td colspan="7">No delivery yet.</td></tr></c:if>
  </tbody>
</table>
</div>
</section>
</c:forEach>
<%@ include file="footer.jspf" %>
