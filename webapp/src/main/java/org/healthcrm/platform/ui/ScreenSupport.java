package org.healthcrm.platform.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.healthcrm.platform.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Messages for the person at the screen: clear text, and for unexpected errors the request id to quote. */
public final class ScreenSupport {

    private static final Logger log = LoggerFactory.getLogger(ScreenSupport.class);

    private ScreenSupport() {
    }

    public static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    public static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    public static void fieldError(String clientId, String detail) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, detail));
    }

    /** Logs the exception with the request id and tells the user which id to quote, without any detail. */
    public static void unexpected(RuntimeException e) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String requestId = RequestIdFilter.current(request);
        log.error("Unexpected error on screen {}", request.getRequestURI(), e);
        error("Something went wrong", "Please try again. If it happens again, quote request id " + requestId + ".");
    }

    /** Keeps messages across a redirect. */
    public static void keepMessages() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
