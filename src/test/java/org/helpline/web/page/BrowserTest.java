package org.helpline.web.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
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
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service with a real, headless Chromium in front of it (Debian's chromium and
 * chromedriver). One browser per test class, quit after it whatever happened; each test
 * starts logged out. Every step can leave a screenshot under target/browser-screenshots.
 */
@Tag("browser")
abstract class BrowserTest extends IntegrationTest {

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

	static WebDriver browser;

	@LocalServerPort
	int port;

	private String testName;

	@BeforeAll
	static void startBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.createDirectories(DOWNLOADS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=nl");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void loggedOut(TestInfo test) {
		testName = test.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
				+ test.getTestMethod().map(m -> m.getName()).orElse("step");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		browser.get(url(path));
	}

	void logIn(String user) {
		open("/login");
		find("#username").sendKeys(user);
		find("#password").sendKeys(PageUsers.password(user));
		find("#login").click();
		waitUntil(d -> !d.getCurrentUrl().contains("/login"));
	}

	WebElement find(String css) {
		return browser.findElement(By.cssSelector(css));
	}

	boolean present(String css) {
		return !browser.findElements(By.cssSelector(css)).isEmpty();
	}

	<T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** For date and time inputs, whose typing format depends on the browser's locale. */
	void setValue(String css, String value) {
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", find(css), value);
	}

	Object script(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	void screenshot(String step) {
		try {
			Files.write(SCREENSHOTS.resolve(testName + "-" + step + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
