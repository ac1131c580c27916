package org.helpline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.helpline.HelplineApplication;
import org.helpline.TestPostgres;
import org.helpline.audit.AuditTrail;
import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.Helplines;
import org.helpline.menu.Menus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes started together on one empty database both find it empty; the one that commits
 * second must still start (its example is refused by the unique name and number), and there is
 * one example, not two.
 */
class DemoSeedRaceTest {

	@Test
	void twoNodesSeedingOneEmptyDatabaseAtOnceLeaveOneExampleAndBothStart() throws Exception {
		Path folder = Path.of("target", "seed-race", String.valueOf(System.nanoTime())).toAbsolutePath();
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		try (ConfigurableApplicationContext context = app.run("--server.port=0", "--helpline.agi.enabled=false",
				"--helpline.ami.enabled=false", "--helpline.security.accept-local-defaults=true",
				"--helpline.demo.seed=false", "--spring.datasource.url=" + TestPostgres.jdbcUrl("seed_race"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--helpline.privacy.key-folder=" + folder.resolve("keys"),
				"--helpline.prompts.audio-folder=" + folder.resolve("prompts"))) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
			CountDownLatch firstHasSeeded = new CountDownLatch(1);
			CountDownLatch commitFirst = new CountDownLatch(1);

			// A thread each (the common pool may have one thread on a small machine).
			ExecutorService nodes = Executors.newFixedThreadPool(2);
			CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
				.execute(status -> {
					boolean seeded = seed(context).seed();
					firstHasSeeded.countDown();
					waitFor(commitFirst);
					return seeded;
				}), nodes);
			assertThat(firstHasSeeded.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> seed(context).run(null), nodes);
			// The second found the database empty (nothing committed) and waits on the first's row.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> second.isDone()
						|| jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() > 0);
			assertThat(second).as("the second waits").isNotDone();
			commitFirst.countDown();

			assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
			second.get(30, TimeUnit.SECONDS); // returns: the node starts
			nodes.shutdown();
			assertThat(context.getBean(Helplines.class).all()).hasSize(1);
			assertThat(context.getBean(Counsellors.class).all()).hasSize(2);
		}
	}

	private static DemoSeed seed(ConfigurableApplicationContext context) {
		return new DemoSeed(new DemoProperties(true), context.getBean(Helplines.class),
				context.getBean(Counsellors.class), context.getBean(Menus.class), context.getBean(AuditTrail.class),
				context.getBean(JdbcClient.class), context.getBean(PlatformTransactionManager.class));
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
