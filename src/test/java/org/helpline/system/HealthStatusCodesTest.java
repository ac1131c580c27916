package org.helpline.system;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load balancers, supervisors and probes read the status code: a node that is DOWN must not
 * answer 200 (mapping WARNING to 200 alone dropped Spring's own DOWN → 503).
 */
class HealthStatusCodesTest extends IntegrationTest {

	@Autowired
	HttpCodeStatusMapper codes;

	@Test
	void downAndOutOfServiceAnswer503AndAWarningStill200() {
		assertThat(codes.getStatusCode(Status.DOWN)).isEqualTo(503);
		assertThat(codes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
		assertThat(codes.getStatusCode(new Status("WARNING"))).isEqualTo(200);
		assertThat(codes.getStatusCode(Status.UP)).isEqualTo(200);
	}

}
