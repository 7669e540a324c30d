package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.healthcrm.security.Role;
import org.healthcrm.security.UserAccountRepository;
import org.healthcrm.security.UserAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Two front-desk users submit the same task at the same moment: exactly one completes it, the other gets 409. */
class TaskConcurrencyTest extends IntegrationTest {

    @Autowired
    UserAccountService accounts;

    @Autowired
    UserAccountRepository users;

    @BeforeEach
    void secondFrontDeskUser() {
        if (!users.existsByUsername("frontdesk2")) {
            accounts.create("frontdesk2", "Second Front-Desk", PASSWORD, java.util.EnumSet.of(Role.FRONT_DESK));
        }
    }

    @RepeatedTest(5)
    void exactlyOneOfTwoSimultaneousSubmissionsWins() throws Exception {
        String taskId = startIntakeAndGetFirstTask("race-" + System.nanoTime());
        String body = Submissions.demographics("Henry", "Walker");
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (String user : List.of("frontdesk", "frontdesk2")) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return post(user, "/api/tasks/" + taskId + "/submission", body);
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        // the process moved on exactly once
        assertThat(get("frontdesk", "/api/tasks/" + taskId).status()).isEqualTo(409);
    }
}
