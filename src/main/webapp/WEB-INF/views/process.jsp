<%@ include file="prelude.jspf" %>
<c:set var="pageTitle" value="Process ${process.processId()}"/>
<%@ include file="header.jspf" %>
<c:set var="p" value="${process}"/>
<h1>Process <c:out value="${p.processId()}"/></h1>
<c:if test="${error != null}"><p class="error" role="alert" id="error"><c:out value="${error}"/></p></c:if>
<dl class="facts">
  <dt>Tenant</dt><dd><c:out value="${tenant}"/></dd>
  <dt>Dossier</dt><dd><c:out value="${p.dossierId()}"/></dd>
  <dt>Status</dt><dd id="status"><c:out value="${p.status()}"/></dd>
  <dt>Assure's status</dt><dd><c:out value="${p.assureStatus()}"/></dd>
  <dt>Created</dt><dd><c:out value="${p.createdAt()}"/></dd>
</dl>

<section aria-labelledby="decision-h">
<h2 id="decision-h">Decision</h2>
<c:choose>
<c:when test="${p.decision() != null}">
<p><strong id="decision"><c:out value="${p.decision().outcome()}"/></strong>:
  <span id="decision-reason"><c:out value="${reasonInWords}"/></span> (<code><c:out value="${p.decision().reason()}"/></code>)
  (minimum match level <c:out value="${p.decision().minimumMatchLevel()}"/>; Assure
  <c:out value="${p.decision().agreesWithAssure() ? 'agrees' : 'differs'}"/>)</p>
</c:when>
<c:otherwise><p>Not decided yet.</p></c:otherwise>
</c:choose>
<c:if test="${p.review() != null}">
<p id="review">Reviewed: <strong><c:out value="${p.review().outcome()}"/></strong> by <c:out value="${p.review().reviewedBy()}"/>
  at <c:out value="${p.review().reviewedAt()}"/>: <c:out value="${p.review().reason()}"/></p>
</c:if>
</section>

<c:if test="${p.result() != null}">
<c:set var="l" value="${p.result().liveness()}"/>
<c:set var="m" value="${p.result().matching()}"/>
<section aria-labelledby="checks-h">
<h2 id="checks-h">Liveness checks</h2>
<ul class="checks">
  <li>Audit-trail verification: <c:out value="${l.auditTrailVerificationCheckSucceeded() == null ? 'not reported' : (l.auditTrailVerificationCheckSucceeded() ? 'passed' : 'failed')}"/></li>
  <li>Replay check: <c:out value="${l.replayCheckSucceeded() == null ? 'not reported' : (l.replayCheckSucceeded() ? 'passed' : 'failed')}"/></li>
  <li>Face-scan liveness: <c:out value="${l.faceScanLivenessCheckSucceeded() == null ? 'not reported' : (l.faceScanLivenessCheckSucceeded() ? 'passed' : 'failed')}"/></li>
  <li>Session token: <c:out value="${l.sessionTokenCheckSucceeded() == null ? 'not reported' : (l.sessionTokenCheckSucceeded() ? 'passed' : 'failed')}"/></li>
</ul>
<h2>Match</h2>
<p id="match">Deciding match level <strong><c:out value="${m.matchLevel() == null ? 'none' : m.matchLevel()}"/></strong>
  (false-acceptance rate <c:out value="${m.falseAcceptanceRate() == null ? 'not known' : m.falseAcceptanceRate()}"/>)</p>
<c:if test="${not empty m.attempts()}">
<div class="scroll">
<table>
  <caption>Every match attempt</caption>
  <thead><tr><th scope="col">Algorithm</th><th scope="col">Match level</th><th scope="col">Image processing</th><th scope="col">Success</th></tr></thead>
  <tbody>
  <c:forEach var="a" items="${m.attempts()}">
    <tr><td><c:out value="${a.algorithm()}"/></td><td><c:out value="${a.matchLevel()}"/></td><td><c:out value="${a.imageProcessing()}"/></td><td><c:out value="${a.success()}"/></td></tr>
  </c:forEach>
  </tbody>
</table>
</div>
</c:if>
</section>
</c:if>

<section aria-labelledby="evidence-h">
<h2 id="evidence-h">Evidence</h2>
<c:choose>
<c:when test="${empty evidence}"><p>No archived images.</p></c:when>
<c:otherwise>
<p>Each view and each download is recorded in the audit trail under your name.</p>
<ul class="evidence">
<c:forEach var="name" items="${evidence}">
  <li><a class="evidence-view" href="${mvc.basePath}/console/evidence/${p.dossierId()}/${p.processId()}/${name}">View <c:out value="${name}"/></a>
      &middot; <a href="${mvc.basePath}/console/evidence/${p.dossierId()}/${p.processId()}/${name}?download=true">Download</a></li>
</c:forEach>
</ul>
</c:otherwise>
</c:choose>
</section>

<c:if test="${p.review() == null and proposal != null}">
<section aria-labelledby="review-h">
<h2 id="review-h">Review</h2>
<p id="proposal"><c:out value="${proposal.proposedBy()}"/> proposes to <strong><c:out value="${proposal.outcome()}"/></strong>:
  <c:out value="${proposal.reason()}"/>. This tenant needs a second reviewer to confirm it.</p>
<c:if test="${proposal.proposedBy() != signedIn.user().subject()}">
<form method="post" action="${mvc.basePath}/console/reviews/${p.dossierId()}/${p.processId()}/confirm">
  <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
  <button type="submit" id="confirm-button">Confirm this review</button>
</form>
</c:if>
</section>
</c:if>
<c:if test="${p.review() == null and proposal == null}">
<section aria-labelledby="review-h">
<h2 id="review-h">Review</h2>
<c:if test="${fourEyes}"><p class="note" id="four-eyes">This tenant needs two reviewers: your verdict is a proposal until another reviewer confirms it.</p></c:if>
<div id="claim">
<c:choose>
<c:when test="${claim == null}"><p>Nobody holds this process.</p></c:when>
<c:when test="${mine}"><p id="claim-holder">You hold this process until <c:out value="${claim.expiresAt()}"/>.</p></c:when>
<c:otherwise><p id="claim-holder"><c:out value="${claim.reviewer()}"/> holds this process until <c:out value="${claim.expiresAt()}"/>.</p></c:otherwise>
</c:choose>
<c:if test="${claim == null or mine}">
<form method="post" action="${mvc.basePath}/console/reviews/${p.dossierId()}/${p.processId()}/claim">
  <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
  <button type="submit" id="claim-button"><c:out value="${mine ? 'Renew my claim' : 'Claim this process'}"/></button>
</form>
</c:if>
</div>
<form method="post" action="${mvc.basePath}/console/reviews/${p.dossierId()}/${p.processId()}/review" class="stack" id="review-form">
  <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
  <fieldset>
    <legend>Verdict</legend>
    <label><input type="radio" name="outcome" value="approve" required> Approve</label>
    <label><input type="radio" name="outcome" value="reject"> Reject</label>
  </fieldset>
  <label for="reason">Reason</label>
  <select id="reason" name="reason" required>
    <option value="">Pick a reason</option>
    <c:forEach var="r" items="${reasons}"><option value="${r.code()}"><c:out value="${r.label()}"/></option></c:forEach>
  </select>
  <label for="note">Note (optional)</label>
  <textarea id="note" name="note" rows="3" maxlength="800"></textarea>
  <button type="submit" id="review-button">Record the review</button>
</form>
</section>
</c:if>

<section aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<%@ include file="timeline.jspf" %>
</section>
<%@ include file="footer.jspf" %>
