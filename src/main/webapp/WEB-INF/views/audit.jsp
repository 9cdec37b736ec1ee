<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Audit"/>
<%@ include file="header.jspf" %>
<h1>Audit</h1>
<form method="get" action="${mvc.basePath}/console/audit" class="filters" id="filters"
      hx-get="${mvc.basePath}/console/audit" hx-target="#results" hx-select="#results" hx-swap="outerHTML" hx-push-url="true">
  <c:if test="${allTenants}">
  <div><label for="f-tenant">Tenant</label><input id="f-tenant" name="tenant" maxlength="64" value="<c:out value='${query.tenant}'/>"></div>
  </c:if>
  <div><label for="f-status">Status</label>
    <select id="f-status" name="status">
      <option value="">any</option>
      <c:forEach var="s" items="${['pending','processing','accepted','rejected','inconclusive','expired','failed']}">
        <option value="${s}" ${query.status == s ? 'selected' : ''}><c:out value="${s}"/></option>
      </c:forEach>
    </select></div>
  <div><label for="f-decision">Decision</label>
    <select id="f-decision" name="decision">
      <option value="">any</option>
      <c:forEach var="d" items="${['accept','reject','inconclusive','unknown','none']}">
        <option value="${d}" ${query.decision == d ? 'selected' : ''}><c:out value="${d}"/></option>
      </c:forEach>
    </select></div>
  <div><label for="f-reviewed">Reviewed</label>
    <select id="f-reviewed" name="reviewed">
      <option value="">either</option>
      <option value="true" ${query.reviewed == 'true' ? 'selected' : ''}>yes</option>
      <option value="false" ${query.reviewed == 'false' ? 'selected' : ''}>no</option>
    </select></div>
  <div><label for="f-external">External reference</label><input id="f-external" name="externalReference" maxlength="200" value="<c:out value='${query.externalReference}'/>"></div>
  <div><label for="f-dossier">Dossier id</label><input id="f-dossier" name="dossierId" maxlength="36" value="<c:out value='${query.dossierId}'/>"></div>
  <div><label for="f-from">Created from (ISO instant)</label><input id="f-from" name="createdFrom" placeholder="2026-12-01T00:00:00Z" value="<c:out value='${query.createdFrom}'/>"></div>
  <div><label for="f-to">Created before</label><input id="f-to" name="createdTo" placeholder="2026-12-31T00:00:00Z" value="<c:out value='${query.createdTo}'/>"></div>
  <div><label for="f-min">Match level from</label><input id="f-min" name="matchLevelMin" inputmode="numeric" size="2" value="<c:out value='${query.matchLevelMin}'/>"></div>
  <div><label for="f-max">Match level to</label><input id="f-max" name="matchLevelMax" inputmode="numeric" size="2" value="<c:out value='${query.matchLevelMax}'/>"></div>
  <div class="actions"><button type="submit" id="search">Search</button></div>
</form>
<div id="results">
<c:if test="${error != null}"><p class="error" role="alert" id="error"><c:out value="${error}"/></p></c:if>
<p class="exports">Export this filter:
  <a id="export-csv" href="${mvc.basePath}/console/exports/processes.csv?<c:out value='${filterQuery}'/>">CSV</a> &middot;
  <a id="export-ndjson" href="${mvc.basePath}/console/exports/processes.ndjson?<c:out value='${filterQuery}'/>">NDJSON</a></p>
<div class="scroll">
<table id="processes">
  <caption>Processes, newest first</caption>
  <thead><tr><th scope="col">Process</th><th scope="col">Tenant</th><th scope="col">Reference</th><th scope="col">Status</th><th scope="col">Decision</th><th scope="col">Match level</th><th scope="col">Review</th><th scope="col">Created</th></tr></thead>
  <tbody>
  <c:forEach var="r" items="${rows}">
    <tr>
      <td><a href="${mvc.basePath}/console/audit/processes/${r.processId()}"><c:out value="${r.processId()}"/></a></td>
      <td><c:out value="${r.tenant()}"/></td>
      <td><c:out value="${r.externalReference()}"/></td>
      <td><c:out value="${r.status().wire()}"/></td>
      <td><c:out value="${r.decision() == null ? '—' : r.decision().wire()}"/></td>
      <td><c:out value="${r.matchLevel()}"/></td>
      <td><c:out value="${r.reviewOutcome()}"/></td>
      <td><c:out value="${r.createdAt()}"/></td>
    </tr>
  </c:forEach>
  </tbody>
</table>
</div>
<c:if test="${empty rows and error == null}"><p>No process matches.</p></c:if>
<c:if test="${next != null}"><p><a id="next-page" href="${mvc.basePath}/console/audit?<c:out value='${next}'/>">Next page</a></p></c:if>
</div>
<%@ include file="footer.jspf" %>
