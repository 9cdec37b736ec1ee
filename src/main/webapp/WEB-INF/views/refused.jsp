<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Not for this role"/>
<%@ include file="header.jspf" %>
<h1>Not for this role</h1>
<p role="alert"><c:out value="${message}"/></p>
<p><a href="${mvc.basePath}/console/">Back to the dashboard</a></p>
<%@ include file="footer.jspf" %>
