<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Review queue"/>
<%@ include file="header.jspf" %>
<h1>Review queue</h1>
<p>Inconclusive and undecidable processes without a review, oldest decision first.</p>
<c:choose>
<c:when test="${empty rows}"><p id="empty-queue">Nothing waits for a review.</p></c:when>
<c:otherwise>
<div class="scroll">
<table id="queue">
  <caption>Processes waiting for a review</caption>
  <thead><tr><th scope="col">Process</th><th scope="col">Tenant</th><th scope="col">Decision</th><th scope="col">Waiting</th><th scope="col">Held by</th></tr></thead>
  <tbody>
  <c:forEach var="row" items="${rows}">
    <tr>
      <td><a href="${mvc.basePath}/console/reviews/${row.process().dossierId()}/${row.process().processId()}"><c:out value="${row.process().processId()}"/></a></td>
      <td><c:out value="${row.tenant()}"/></td>
      <td><c:out value="${row.process().decision().outcome()}"/></td>
      <td><c:out value="${row.age()}"/></td>
      <td><c:out value="${row.heldBy() == null ? '—' : row.heldBy()}"/></td>
    </tr>
  </c:forEach>
  </tbody>
</table>
</div>
</c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
