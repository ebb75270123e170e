package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console under {@code /console}: its headers through HTTP, the local sign-in that only a
 * server in development mode offers (this one has a token issuer), and the console itself in the
 * machine's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): signed in
 * with a pasted token, it shows an index submitted through the API appear and its bar reach 100%
 * without a reload, the operation's steps with their metrics, and cancels and retries another.
 * Screenshots go to {@code target/console-screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SHOTS = Path.of("target", "console-screenshots");

  /** Messages in each generated mailbox: enough for an index to be seen moving. */
  private static final int MESSAGES = 4000;

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  @Test
  void theConsoleIsServedWithAStrictContentSecurityPolicy() {
    GraphClient anonymous = new GraphClient(url).withToken(null);

    GraphClient.Reply page = anonymous.get("/console/");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
    String csp = page.header("Content-Security-Policy");
    assertThat(csp)
        .contains("default-src 'none'")
        .contains("script-src 'self'")
        .contains("style-src 'self'")
        .contains("connect-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.header("Set-Cookie")).isNull();
    // No inline script or style for the policy to refuse: the page's code is its own files.
    assertThat(page.body())
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
        .doesNotContain("<style");

    GraphClient.Reply script = anonymous.get("/console/js/app.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.header("Content-Security-Policy")).isEqualTo(csp);

    GraphClient.Reply bare = anonymous.get("/console");
    assertThat(bare.status()).isEqualTo(302);
    assertThat(bare.header("Location")).endsWith("/console/");
    GraphClient.Reply missing = anonymous.get("/console/js/nothing.js");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Security-Policy")).isEqualTo(csp);
    assertThat(anonymous.get("/console/../WEB-INF/beans.xml").status()).isIn(400, 404);
    assertThat(anonymous.get("/console/%2e%2e/WEB-INF/beans.xml").status()).isIn(400, 404);
    GraphClient.Reply post = anonymous.post("/console/", "{}");
    assertThat(post.status()).isEqualTo(405);
  }

  @Test
  void theLocalSignInDoesNotExistWithATokenIssuer() {
    GraphClient anonymous = new GraphClient(url).withToken(null);

    GraphClient.Reply offered = anonymous.get("/v1.0/caseops/devSignIn");
    assertThat(offered.status()).as(offered.toString()).isEqualTo(404);
    assertThat(offered.errorCode()).isEqualTo("itemNotFound");
    GraphClient.Reply token = anonymous.post("/v1.0/caseops/devSignIn", "{}");
    assertThat(token.status()).as(token.toString()).isEqualTo(404);
    assertThat(token.body()).doesNotContain("accessToken");
  }

  @Test
  void meDescribesTheCallersAccess() {
    String oid = UUID.randomUUID().toString();
    GraphClient writer =
        new GraphClient(url)
            .withToken(TestTokens.user(oid, "Console Writer", TestTokens.READ_WRITE));
    GraphClient reader =
        new GraphClient(url).withToken(TestTokens.user(oid, "Console Reader", TestTokens.READ));

    GraphClient.Reply me = writer.get("/v1.0/caseops/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().getBoolean("canWrite")).isTrue();
    assertThat(me.json().getJsonObject("identity").getJsonObject("user").getString("displayName"))
        .isEqualTo("Console Writer");
    GraphClient.Reply read = reader.get("/v1.0/caseops/me");
    assertThat(read.json().getBoolean("canWrite")).isFalse();
    assertThat(read.json().getJsonArray("permissions").getString(0)).isEqualTo(TestTokens.READ);
  }

  @Test
  void anOperatorWatchesAnIndexLiveAndCancelsAndRetriesAnother() throws Exception {
    String oid = UUID.randomUUID().toString();
    String writerToken = TestTokens.user(oid, "Console Operator", TestTokens.READ_WRITE);
    String readerToken = TestTokens.user(oid, "Console Auditor", TestTokens.READ);
    GraphClient api = new GraphClient(url).withToken(writerToken);
    String tag = oid.substring(0, 8);
    String watched = caseWithMailbox(api, "Harbour " + tag, "watched." + tag + "@contoso.com");
    String steered = caseWithMailbox(api, "Falcon " + tag, "steered." + tag + "@contoso.com");

    WebDriver browser = browser();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3));
      // The page redraws what an event changes: an element read may be replaced meanwhile.
      wait.ignoring(StaleElementReferenceException.class);
      browser.get(console());
      signIn(browser, wait, writerToken);
      assertThat(browser.findElement(By.id("dev-sign-in")).isDisplayed()).isFalse();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-body")));
      wait.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
      // A mark that a reload would wipe out.
      ((JavascriptExecutor) browser).executeScript("window.caseopsLoadedOnce = true;");

      // An index submitted through the API appears, moves and ends at 100% on the same page.
      String indexed = submitIndex(api, watched);
      By row = By.cssSelector("tr[data-operation-id='" + indexed + "']");
      wait.until(ExpectedConditions.presenceOfElementLocated(row));
      wait.until(
          d -> {
            WebElement tr = d.findElement(row);
            return "running".equals(tr.getAttribute("data-status"))
                && percent(tr) > 0
                && percent(tr) < 100;
          });
      wait.until(d -> !d.findElement(row).findElement(By.cssSelector(".pace")).getText().isBlank());
      screenshot(browser, "operations-running.png");
      // The row is read whole in one go: an event may redraw it between two reads.
      Map<String, String> done =
          wait.until(
              d -> {
                WebElement tr = d.findElement(row);
                if (!"succeeded".equals(tr.getAttribute("data-status"))) {
                  return null;
                }
                return Map.of(
                    "percent", String.valueOf(percent(tr)),
                    "progress", tr.findElement(By.tagName("progress")).getAttribute("value"),
                    "result", tr.findElement(By.cssSelector(".result")).getText(),
                    "pace", tr.findElement(By.cssSelector(".pace")).getText(),
                    "case", tr.findElement(By.cssSelector(".case")).getText());
              });
      assertThat(done.get("percent")).isEqualTo("100");
      assertThat(done.get("progress")).isEqualTo("100");
      assertThat(done.get("result"))
          .startsWith("Indexed " + String.format("%,d", MESSAGES) + " items");
      assertThat(done.get("pace")).startsWith("took ");
      assertThat(done.get("case")).isEqualTo("Harbour " + tag);
      assertThat(
              ((JavascriptExecutor) browser)
                  .executeScript("return window.caseopsLoadedOnce === true;"))
          .as("the page was not reloaded")
          .isEqualTo(true);
      screenshot(browser, "operations-done.png");

      // Its detail: the step with its metrics, no failed item, its JSON; no Cancel or Retry.
      click(wait, By.cssSelector("tr[data-operation-id='" + indexed + "'] a.action"));
      By step = By.cssSelector("tr[data-step='indexEvidence']");
      wait.until(ExpectedConditions.presenceOfElementLocated(step));
      assertThat(textOf(wait, step)).contains("COMPLETED").contains(String.format("%,d", MESSAGES));
      assertThat(textOf(wait, By.id("operation-failures"))).isEqualTo("None.");
      assertThat(textOf(wait, By.id("operation-json")))
          .contains("\"id\": \"" + indexed + "\"")
          .contains("\"status\": \"succeeded\"");
      assertThat(browser.findElements(By.id("cancel"))).isEmpty();
      assertThat(browser.findElements(By.id("retry"))).isEmpty();
      screenshot(browser, "operation-detail.png");

      // Another index, cancelled from its detail page while it runs, then retried to success.
      String cancelled = submitIndex(api, steered);
      browser.get(console() + "#/operations/" + steered + "/" + cancelled);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel")));
      wait.until(d -> d.findElement(By.id("operation-head")).getText().contains("running"));
      click(wait, By.id("cancel"));
      wait.until(ExpectedConditions.elementToBeClickable(By.id("retry")));
      assertThat(textOf(wait, By.id("operation-result")))
          .startsWith("Cancelled by Console Operator");
      assertThat(browser.findElements(By.id("cancel"))).isEmpty();
      screenshot(browser, "operation-cancelled.png");

      // A read-only token sees the failed operation without the buttons. Signing out leaves nothing
      // of what the last token read in the page.
      browser.findElement(By.id("sign-out")).click();
      assertThat(browser.findElements(By.id("operation-head"))).isEmpty();
      assertThat(browser.findElements(By.id("retry"))).isEmpty();
      signIn(browser, wait, readerToken);
      browser.get(console() + "#/operations/" + steered + "/" + cancelled);
      wait.until(d -> d.findElement(By.id("operation-head")).getText().contains("failed"));
      assertThat(textOf(wait, By.id("who-access"))).isEqualTo("read-only");
      // The page may still show what it drew for the writer until it has drawn the operation again
      // for the reader; the buttons must then be gone (the wait fails the test if they stay).
      wait.until(d -> d.findElements(By.id("retry")).isEmpty());
      assertThat(browser.findElements(By.id("cancel"))).isEmpty();
      browser.findElement(By.id("sign-out")).click();

      signIn(browser, wait, writerToken);
      browser.get(console() + "#/operations/" + steered + "/" + cancelled);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("retry")));
      click(wait, By.id("retry"));
      wait.until(d -> d.findElement(By.id("operation-head")).getText().contains("succeeded"));
      assertThat(textOf(wait, By.id("operation-result"))).startsWith("Indexed ");
      // The retry kept the operation's id and ran its job again: a second execution.
      wait.until(d -> d.findElement(By.id("operation-steps")).getText().contains("Restart 1"));
      screenshot(browser, "operation-retried.png");

      // The cases view lists both cases with their custodians and last index.
      browser.get(console() + "#/cases");
      By card = By.cssSelector("article[data-case-id='" + watched + "']");
      wait.until(ExpectedConditions.presenceOfElementLocated(card));
      assertThat(textOf(wait, card))
          .contains("Harbour " + tag)
          .contains("1 custodian ·")
          .contains(String.format("%,d", MESSAGES) + " items indexed")
          .contains("watched." + tag + "@contoso.com");
      screenshot(browser, "cases.png");
    } finally {
      browser.quit();
    }
  }

  private String console() {
    String path = url.getPath().endsWith("/") ? url.getPath() : url.getPath() + "/";
    return "http://127.0.0.1:" + url.getPort() + path + "console/";
  }

  private static void signIn(WebDriver browser, WebDriverWait wait, String token) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
    browser.findElement(By.id("sign-in-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
  }

  private static int percent(WebElement row) {
    String text = row.findElement(By.cssSelector(".percent")).getText();
    return Integer.parseInt(text.replace("%", "").trim());
  }

  /** A case with one custodian whose mailbox holds {@link #MESSAGES} generated messages. */
  private static String caseWithMailbox(GraphClient api, String name, String email) {
    Path mailbox = new Evidence().mailbox(email);
    String filler =
        "Quarterly shipment schedule for the harbour project, with budget notes. ".repeat(25);
    for (int i = 0; i < MESSAGES; i++) {
      Evidence.write(
          mailbox.resolve("inbox/" + (i / 500) + "/m" + i + ".eml"),
          Evidence.message(
              "Ann Lee <ann@contoso.com>",
              email,
              "Shipment " + i,
              "Tue, 3 Mar 2026 09:15:00 +0000",
              "m" + i + "." + email,
              filler + i));
    }
    GraphClient.Reply created = api.post(CASES, "{\"displayName\":\"" + name + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String caseId = created.json().getString("id");
    GraphClient.Reply custodian =
        api.post(CASES + "/" + caseId + "/custodians", "{\"email\":\"" + email + "\"}");
    assertThat(custodian.status()).as(custodian.toString()).isEqualTo(201);
    GraphClient.Reply source =
        api.post(
            CASES
                + "/"
                + caseId
                + "/custodians/"
                + custodian.json().getString("id")
                + "/userSources",
            "{\"email\":\"" + email + "\",\"includedSources\":\"mailbox\"}");
    assertThat(source.status()).as(source.toString()).isEqualTo(201);
    return caseId;
  }

  private static String submitIndex(GraphClient api, String caseId) {
    GraphClient.Reply started =
        api.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.json().getString("id");
  }

  /** The machine's headless Chromium through its chromedriver (nothing is downloaded). */
  private static WebDriver browser() {
    assertThat(CHROMEDRIVER)
        .as(
            "the console test needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
        .isExecutable();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1500,950",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  private static void screenshot(WebDriver browser, String name) {
    try {
      Files.createDirectories(SHOTS);
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Clicks the element the locator finds, finding it again when the live page has just redrawn it
   * (the event stream redraws an operation's page as its progress moves).
   */
  /** The element's text, read again if the page redrew the element while it was being read. */
  private static String textOf(WebDriverWait wait, By locator) {
    return wait.ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(locator).getText());
  }

  private static void click(WebDriverWait wait, By locator) {
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(locator).click();
              return true;
            });
  }
}
