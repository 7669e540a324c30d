package org.healthcrm.messaging.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The demo's SMTP server, over real SMTP: what it received, and emptying it. */
class MailSandboxTest {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private MailSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = new MailSandbox(sender, 0);
    }

    @AfterEach
    void stop() {
        sandbox.destroy();
    }

    @Test
    void purgeForgetsTheMessagesAndMailboxesAndStillDeliversToOldAndNewRecipients() {
        send("ana@example.org", "first");
        send("ben@example.org", "second");
        assertThat(sandbox.received()).extracting(m -> m.getSubject()).containsExactlyInAnyOrder("first", "second");

        assertThat(sandbox.mailboxes()).isEqualTo(2);

        sandbox.purge();
        assertThat(sandbox.received()).isEmpty();
        assertThat(sandbox.mailboxes()).as("the recipients' mailboxes go too").isZero();

        send("ana@example.org", "third");
        send("cleo@example.org", "fourth");
        assertThat(sandbox.received()).extracting(m -> m.getSubject()).containsExactlyInAnyOrder("third", "fourth");
    }

    private void send(String to, String subject) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("noreply@clinic.example");
        message.setTo(to);
        message.setSubject(subject);
        message.setText("Hello");
        sender.send(message);
    }
}
