package com.assuregateway.console.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayProcess;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import com.assuregateway.testsupport.WebhookReceiver;
import jakarta.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (Debian's headless Chromium, driven by Selenium WebDriver) against the README's
 * development-mode server, where the development sign-in is open: a reviewer claims and approves an
 * inconclusive process and looks at its evidence, the API and the audit trail show both; an auditor searches
 * and exports and reads the dashboard's service tiles; sign-in through a real OpenID Connect provider, a forged
 * callback and an expired ID token refused; a portal reads its webhook delivery log, other tenants
 * and roles do not; roles and tenants are held apart; a form without its CSRF token is refused. Each page's
 * screenshot goes to docs/console/. H2 pass only, like DevelopmentModeIT: the development mode runs on H2.
 */
class ConsoleIT {

    private static final Path SHOTS = Path.of("docs", "console");
    private static GatewayProcess gateway;
    private static MockOAuth2Server identityProvider;
    private static WebhookReceiver receiver;
    private static String base;
    private static Api api;
    private static String dossierId;
    private static String processId;
    private static String bankDossierId;
    private static String bankProcessId;
    private WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "the development sign-in needs the README's H2 run: the H2 pass runs it");
        assumeTrue(Files.isExecutable(Path.of(chromium())) && Files.isExecutable(Path.of(chromedriver())),
                "SKIPPED: no " + chromium() + " or " + chromedriver()
                        + " (apt-get install chromium chromium-driver; .ci/run installs them), so the console is not tested");
        identityProvider = new MockOAuth2Server();
        identityProvider.start();
        int port = GatewayProcess.freePort();
        gateway = GatewayProcess.readmeRun(port, new File("target/console-run-" + System.nanoTime()),
                new File("target/it-logs/console-run.log"), Map.of(
                        "gateway.console.oidc.issuer", identityProvider.issuerUrl("corp").toString(),
                        "gateway.console.oidc.client-id", "assure-console",
                        "gateway.console.oidc.client-secret", "console-secret",
                        "gateway.reviews.four-eyes-tenants", "bank")).start();
        // localhost, not 127.0.0.1: browsers keep a Secure cookie over plain HTTP only there
        base = "http://localhost:" + port + "/";
        api = new Api(gateway.url());
        // acme's endpoint answers 500: its deliveries stay pending with an error and a next attempt
        receiver = new WebhookReceiver();
        receiver.answer("acme-hook", WebhookReceiver.Reply.status(500));
        Answer registered = portalApi().post("api/v1/webhook-endpoints", "{\"url\":\"" + receiver.url("acme-hook") + "\"}");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String endpointId = registered.json().getJsonObject("endpoint").getString("endpointId");
        Portal portal = new Portal(api.as(Tokens.development(List.of("portal"), "acme")));
        dossierId = portal.newDossier();
        processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(90));
        assertThat(portal.verify(dossierId, processId, "inconclusive").status()).isEqualTo(202);
        assertThat(portal.awaitFinal(dossierId, processId).getString("status")).isEqualTo("inconclusive");
        Portal bank = new Portal(api.as(Tokens.development(List.of("portal"), "bank")));
        bankDossierId = bank.newDossier();
        bankProcessId = bank.newProcess(bankDossierId);
        bank.uploadSelfie(bankDossierId, bankProcessId, Portal.png(30));
        assertThat(bank.verify(bankDossierId, bankProcessId, "inconclusive").status()).isEqualTo(202);
        assertThat(bank.awaitFinal(bankDossierId, bankProcessId).getString("status")).isEqualTo("inconclusive");
        eventually(Duration.ofSeconds(60), "the full result is archived", () -> portalApi().get(
                Portal.process(dossierId, processId)).json(), process -> !process.isNull("archive"));
        eventually(Duration.ofSeconds(60), "a failed delivery attempt", () -> portalApi().get(
                "api/v1/webhook-endpoints/" + endpointId + "/deliveries").text(), log -> log.contains("\"lastStatus\":500"));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (identityProvider != null) {
            identityProvider.shutdown();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerClaimsLooksAtTheEvidenceAndApproves() throws Exception {
        browser.get(base + "console/reviews");
        awaitUrl("/console/login");
        screenshot("login");
        signIn("rita", "reviewer", "acme");
        assertThat(browser.findElement(By.id("backlog")).getText()).isNotEqualTo("0");

        browser.get(base + "console/reviews");
        WebElement row = browser.findElement(By.linkText(processId)).findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("acme").contains("inconclusive");
        screenshot("reviews");
        browser.findElement(By.linkText(processId)).click();
        browser.findElement(By.id("claim-button")).click();
        assertThat(browser.findElement(By.id("claim-holder")).getText()).startsWith("You hold this process");

        // another reviewer sees who holds it, and may not decide it meanwhile
        signOut();
        signIn("sam", "reviewer", "acme");
        browser.get(base + "console/reviews/" + dossierId + "/" + processId);
        assertThat(browser.findElement(By.id("claim-holder")).getText()).startsWith("rita holds this process");
        decide("approve", "face-matches", "sam tries");
        assertThat(browser.findElement(By.id("error")).getText()).contains("rita holds this process");
        signOut();

        signIn("rita", "reviewer", "acme");
        browser.get(base + "console/reviews/" + dossierId + "/" + processId);
        assertThat(browser.findElement(By.id("decision")).getText()).isEqualTo("inconclusive");
        assertThat(browser.findElement(By.id("match")).getText()).contains("false-acceptance rate");
        screenshot("process");
        browser.manage().window().setSize(new Dimension(820, 1180));
        screenshot("process-tablet");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.className("evidence-view")).click();
        awaitUrl("/selfie.png");
        screenshot("evidence");
        Answer image = session().get("console/evidence/" + dossierId + "/" + processId + "/selfie.png?download=true");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Cache-Control")).isEqualTo("no-store");
        assertThat(image.header("Content-Disposition")).startsWith("attachment");
        assertThat(image.body()).isEqualTo(Portal.png(90));

        browser.get(base + "console/reviews/" + dossierId + "/" + processId);
        decide("approve", "face-matches", "Same person; checked against the reference photo.");
        awaitUrl("/console/reviews");
        assertThat(browser.findElements(By.linkText(processId))).as("off the queue").isEmpty();

        JsonObject review = portalApi().get(Portal.process(dossierId, processId)).json().getJsonObject("review");
        assertThat(review.getString("outcome")).isEqualTo("approve");
        assertThat(review.getString("reviewedBy")).isEqualTo("rita");
        assertThat(review.getString("reason")).startsWith("face-matches: ").contains("Same person");
        String trail = api.as(Tokens.development(List.of("auditor"), "acme"))
                .get("api/v1/audit/processes/" + processId + "/events").text();
        assertThat(trail).contains("\"review.approve\"").contains("\"console.evidence-viewed\"")
                .contains("\"console.evidence-downloaded\"").contains("by rita: selfie.png");
    }

    @Test
    void underFourEyesASecondReviewerConfirms() throws Exception {
        String page = base + "console/reviews/" + bankDossierId + "/" + bankProcessId;
        Api bankApi = api.as(Tokens.development(List.of("portal"), "bank"));
        signIn("rita", "reviewer", "acme");
        browser.get(page);
        assertThat(browser.findElement(By.id("four-eyes")).getText()).contains("two reviewers");
        decide("reject", "face-differs", "Not the person of the reference photo.");
        assertThat(browser.findElement(By.id("proposal")).getText()).startsWith("rita proposes to reject");
        assertThat(browser.findElements(By.id("confirm-button"))).as("not for the one who proposed").isEmpty();
        assertThat(bankApi.get(Portal.process(bankDossierId, bankProcessId)).json().isNull("review")).isTrue();
        screenshot("four-eyes");
        signOut();

        signIn("sam", "reviewer", "acme");
        browser.get(page);
        browser.findElement(By.id("confirm-button")).click();
        awaitUrl("/console/reviews");
        JsonObject review = bankApi.get(Portal.process(bankDossierId, bankProcessId)).json().getJsonObject("review");
        assertThat(review.getString("outcome")).isEqualTo("reject");
        assertThat(review.getString("reviewedBy")).isEqualTo("rita");
        assertThat(review.getString("reason")).startsWith("face-differs: ").endsWith("Confirmed by sam");
        assertThat(api.as(Tokens.development(List.of("auditor"), "bank"))
                .get("api/v1/audit/processes/" + bankProcessId + "/events").text())
                .contains("\"review.proposed\"").contains("\"review.reject\"");
    }

    @Test
    void anAuditorSearchesAndExportsTheFilter() throws Exception {
        signIn("alice", "auditor", "acme");
        Files.writeString(Path.of("target", "console-dashboard.html"), browser.getPageSource());
        assertThat(browser.findElements(By.cssSelector("svg.bars"))).hasSize(3)
                .allSatisfy(chart -> assertThat(chart.getDomAttribute("viewBox")).startsWith("0 0 560 "));
        // the service tiles: Assure was called for every process (the sandbox answers, so no errors), acme's
        // deliveries failed, and a review time exactly when a review was recorded
        assertThat(text(By.id("error-rate"))).matches("0\\.0 % \\(0 of [1-9][0-9]* calls\\)");
        assertThat(text(By.id("deliveries"))).contains("pending");
        String reviewed = browser.findElement(By.xpath("//dl[@id='totals']/dt[.='Reviewed']/following-sibling::dd[1]")).getText();
        assertThat(text(By.id("review-median"))).matches("0".equals(reviewed) ? "none" : "[0-9]+ (min|h [0-9]+ min)");
        screenshot("dashboard");
        browser.get(base + "console/audit");
        new Select(browser.findElement(By.id("f-status"))).selectByValue("inconclusive");
        browser.findElement(By.id("f-tenant")).sendKeys("acme");
        browser.findElement(By.id("search")).click();
        eventually(Duration.ofSeconds(10), "the filtered results", () -> browser.getCurrentUrl() + " "
                + text(By.id("processes")), page -> page.contains("status=inconclusive") && page.contains(processId));
        screenshot("audit");
        String csvLink = browser.findElement(By.id("export-csv")).getAttribute("href");
        assertThat(csvLink).contains("status=inconclusive");
        Answer csv = session().get(csvLink.substring(base.length()));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).contains(processId);
        Answer ndjson = session().get(browser.findElement(By.id("export-ndjson")).getAttribute("href")
                .substring(base.length()));
        assertThat(ndjson.status()).as(ndjson.toString()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        assertThat(ndjson.text()).contains(processId);

        browser.findElement(By.linkText(processId)).click();
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("process.created");
        assertThat(browser.findElement(By.className("evidence-view")).getText()).isEqualTo("View selfie.png");
        screenshot("audit-process");
    }

    @Test
    void anAuditorSignsInThroughTheIdentityProviderAndOut() {
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "olivia-1234", "JWT", List.of("assure-console"),
                Map.of("groups", List.of("auditor", "something-else"), "preferred_username", "olivia"), 3600));
        browser.get(base + "console/login");
        browser.findElement(By.id("oidc-sign-in")).click();
        eventually(Duration.ofSeconds(10), "the dashboard after signing in", () -> text(By.tagName("h1")),
                "Dashboard"::equals);
        assertThat(browser.findElement(By.className("who")).getText()).contains("olivia (auditor)");
        var cookie = browser.manage().getCookieNamed("console_session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        browser.get(base + "console/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit");
        // signing out ends the provider's session too (RP-initiated logout), which sends the browser back here
        browser.findElement(By.cssSelector(".who button")).click();
        awaitUrl("/console/login?signed-out=identity-provider");
        assertThat(text(By.id("notice"))).isEqualTo("You are signed out, here and at the company's identity provider.");
        browser.get(base + "console/audit");
        awaitUrl("/console/login");

        // a sign-in that does not come back from a sign-in started here is refused
        browser.get(base + "console/oidc/callback?code=stolen&state=guessed");
        assertThat(browser.findElement(By.id("error")).getText()).contains("not started here");

        // an ID token that expired five minutes ago (beyond the minute of skew) is refused by the validator
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "mallory-1", "JWT", List.of("assure-console"),
                Map.of("groups", List.of("auditor"), "preferred_username", "mallory"), -300));
        browser.get(base + "console/login");
        browser.findElement(By.id("oidc-sign-in")).click();
        eventually(Duration.ofSeconds(10), "the refusal", () -> text(By.tagName("body")), body -> body.contains("xpired"));
        browser.get(base + "console/audit");
        awaitUrl("/console/login");
    }

    @Test
    void aPortalReadsItsWebhookDeliveriesAndNoOtherTenantsDoes() throws Exception {
        signIn("paula", "portal", "acme");
        browser.findElement(By.linkText("Webhooks")).click();
        awaitUrl("/console/webhooks");
        assertThat(text(By.tagName("h2"))).isEqualTo(receiver.url("acme-hook"));
        WebElement delivery = browser.findElement(By.cssSelector("table.deliveries tbody tr"));
        assertThat(delivery.findElement(By.className("delivery-status")).getText()).isEqualTo("pending");
        assertThat(delivery.getText()).contains("500");
        screenshot("webhooks");
        signOut();

        signIn("otto", "portal", "other");
        browser.get(base + "console/webhooks");
        assertThat(text(By.id("no-endpoints"))).contains("No webhook endpoint");
        signOut();

        signIn("adam", "admin", "ops");
        browser.get(base + "console/webhooks");
        assertThat(text(By.tagName("h2"))).isEqualTo(receiver.url("acme-hook"));
        signOut();

        signIn("rita", "reviewer", "acme");
        assertThat(session().get("console/webhooks").status()).isEqualTo(403);
    }

    @Test
    void rolesAndTenantsAreHeldApart() {
        signIn("rita", "reviewer", "acme");
        browser.get(base + "console/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for this role");
        assertThat(session().get("console/audit").status()).isEqualTo(403);
        signOut();

        signIn("other-portal", "portal", "other");
        browser.get(base + "console/audit/processes/" + processId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        browser.get(base + "console/audit?tenant=acme");
        assertThat(browser.findElement(By.id("error")).getText()).contains("own tenant");
        assertThat(session().get("console/evidence/" + dossierId + "/" + processId + "/selfie.png").status())
                .isEqualTo(403);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        signIn("rita", "reviewer", "acme");
        Api signedIn = session();
        Answer forged = signedIn.post("console/logout", "application/x-www-form-urlencoded", new byte[0]);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("text/html");
        assertThat(forged.text()).contains("This form cannot be sent", "Nothing was changed");
        Answer wrong = signedIn.post("console/reviews/" + dossierId + "/" + processId + "/claim",
                "application/x-www-form-urlencoded", "_csrf=not-the-token".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(signedIn.get("console/reviews").status()).as("still signed in").isEqualTo(200);
    }

    private void signIn(String name, String role, String tenant) {
        browser.get(base + "console/login");
        WebElement nameField = browser.findElement(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        WebElement tenantField = browser.findElement(By.id("tenant"));
        tenantField.clear();
        tenantField.sendKeys(tenant);
        browser.findElement(By.cssSelector("form.stack button")).click();
        eventually(Duration.ofSeconds(10), "the dashboard after signing in", () -> text(By.tagName("h1")),
                "Dashboard"::equals);
    }

    /** Waits for the page a click leads to. */
    private void awaitUrl(String ending) {
        eventually(Duration.ofSeconds(10), "a page at ..." + ending, () -> browser.getCurrentUrl(), url -> url.endsWith(ending));
    }

    /** The element's text, or empty while htmx swaps it or the page changes. */
    private String text(By locator) {
        try {
            return browser.findElement(locator).getText();
        } catch (StaleElementReferenceException swapped) {
            return "";
        }
    }

    private void signOut() {
        browser.findElement(By.cssSelector(".who button")).click();
        awaitUrl("/console/login");
    }

    private void decide(String outcome, String reason, String note) {
        browser.findElement(By.cssSelector("input[name=outcome][value=" + outcome + "]")).click();
        new Select(browser.findElement(By.id("reason"))).selectByValue(reason);
        browser.findElement(By.id("note")).sendKeys(note);
        browser.findElement(By.id("review-button")).click();
    }

    /** Plain HTTP with the browser's session cookie: for downloads and forged forms. */
    private Api session() {
        return new Api(gateway.url()).withHeader("Cookie", "console_session="
                + browser.manage().getCookieNamed("console_session").getValue());
    }

    private static Api portalApi() {
        return api.as(Tokens.development(List.of("portal"), "acme"));
    }

    private void screenshot(String page) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String chromium() {
        return System.getProperty("test.chromium", "/usr/bin/chromium");
    }

    private static String chromedriver() {
        return System.getProperty("test.chromedriver", "/usr/bin/chromedriver");
    }
}
