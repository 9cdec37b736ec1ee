<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Process ${timeline.processId()}"/>
<%@ include file="header.jspf" %>
<h1>Process <c:out value="${timeline.processId()}"/></h1>
<dl class="facts">
  <dt>Tenant</dt><dd><c:out value="${timeline.tenant()}"/></dd>
  <dt>Dossier</dt><dd><c:out value="${timeline.dossierId()}"/></dd>
</dl>
<c:if test="${not empty evidence}">
<h2>Evidence</h2>
<p>Each view and each download is recorded in the audit trail under your name.</p>
<ul class="evidence">
<c:forEach var="name" items="${evidence}">
  <li><a class="evidence-view" href="${mvc.basePath}/console/evidence/${timeline.dossierId()}/${timeline.processId()}/${name}">View <c:out value="${name}"/></a>
      &middot; <a href="${mvc.basePath}/console/evidence/${timeline.dossierId()}/${timeline.processId()}/${name}?download=true">Download</a></li>
</c:forEach>
</ul>
</c:if>
<c:set var="timeline" value="${timeline.events()}"/>
<h2>Timeline</h2>
<%@ include file="timeline.jspf" %>
<p><a href="${mvc.basePath}/console/audit">Back to the search</a></p>
<%@ include file="footer.jspf" %>
