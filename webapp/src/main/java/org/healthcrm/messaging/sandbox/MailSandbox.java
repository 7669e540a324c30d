package org.healthcrm.messaging.sandbox;

import java.util.List;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server inside the application for the demo and the tests (GreenMail), on 127.0.0.1 only: the
 * application's mail goes there instead of to patients. Never enable it in production.
 */
@Component
@ConditionalOnProperty(name = "healthcrm.mail.sandbox.enabled", havingValue = "true")
public class MailSandbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailSandbox.class);

    private final GreenMail server;

    public MailSandbox(JavaMailSenderImpl sender, @Value("${healthcrm.mail.sandbox.port:3025}") int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        log.info("Mail sandbox: SMTP on 127.0.0.1:{}; no mail leaves this machine", server.getSmtp().getPort());
    }

    /** Every message received so far. */
    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    /** How many recipients' mailboxes the sandbox holds: one per address it delivered to since the last purge. */
    public int mailboxes() {
        return server.getUserManager().listUser().size();
    }

    /**
     * Forgets every message received so far, and the mailboxes they were delivered to: GreenMail opens one per
     * recipient and looks each one up among all of them, so a sandbox that has served thousands of patients would
     * deliver ever more slowly.
     */
    public void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("The mail sandbox could not be emptied", e);
        }
        UserManager mailboxes = server.getUserManager();
        List.copyOf(mailboxes.listUser()).forEach(mailboxes::deleteUser);
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
