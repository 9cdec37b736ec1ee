<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Process ${timeline.processId()}"/>
<%@ include file="header.jspf" %>
<h1>Process <c:out value="${timeline.processId()}"/></h1>
<dl class="facts">
  <dt>Tenant</dt><dd><c:out value="${timeline.tenant()}"/></dd>
  <dt>Dossier</dt><dd><c:out value="${timeline.dossierId()}"/></dd>
</dl>
<c:set var="timeline" value="${timeline.events()}"/>
<h2>Timeline</h2>
<%@ include file="timeline.jspf" %>
<p><a href="${mvc.basePath}/console/audit">Back to the search</a></p>
<%@ include file="footer.jspf" %>
