package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The console user of this request, from the HTTP session; the views read it as {@code signedIn}. */
@RequestScoped
@Named("signedIn")
public class SignedIn {

    static final String ATTRIBUTE = "assuregateway.console.user";

    @Inject
    HttpServletRequest request;

    /** Null when nobody is signed in (ConsoleGate lets such requests reach the sign-in pages only). */
    public ConsoleUser user() {
        return user(request);
    }

    static ConsoleUser user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (ConsoleUser) session.getAttribute(ATTRIBUTE);
    }

    /** A new session id on sign-in: an id planted before it (session fixation) is worth nothing after. */
    void signIn(ConsoleUser user, int sessionMinutes) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(ATTRIBUTE, user);
        session.setMaxInactiveInterval(sessionMinutes * 60);
    }

    void signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
