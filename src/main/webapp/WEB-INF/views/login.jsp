<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Sign in"/>
<%@ include file="header.jspf" %>
<h1>Sign in</h1>
<c:if test="${notice != null}"><p class="note" role="status" id="notice"><c:out value="${notice}"/></p></c:if>
<c:if test="${oidc}">
<p><a id="oidc-sign-in" class="button" href="${mvc.basePath}/console/oidc/start">Sign in with the company's identity provider</a></p>
</c:if>
<c:if test="${error != null and not development}"><p class="error" role="alert" id="error"><c:out value="${error}"/></p></c:if>
<c:choose>
<c:when test="${development}">
<p class="note">Development sign-in: this gateway runs in development mode with nothing real configured, so
you may pick any role and tenant. A production gateway signs you in through the company's identity provider.</p>
<c:if test="${error != null}"><p class="error" role="alert"><c:out value="${error}"/></p></c:if>
<form method="post" action="${mvc.basePath}/console/login" class="stack">
  <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
  <label for="name">Your name</label>
  <input id="name" name="name" required maxlength="100" value="developer">
  <label for="role">Role</label>
  <select id="role" name="role">
    <c:forEach var="r" items="${roles}"><option value="${r}"><c:out value="${r}"/></option></c:forEach>
  </select>
  <label for="tenant">Tenant</label>
  <input id="tenant" name="tenant" required maxlength="64" value="acme">
  <button type="submit">Sign in</button>
</form>
</c:when>
<c:when test="${oidc}"></c:when>
<c:otherwise>
<p>Development sign-in is off: this gateway does not run in development mode. No identity provider is configured
either (<code>gateway.console.oidc.*</code>), so nobody can sign in to the console.</p>
</c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
