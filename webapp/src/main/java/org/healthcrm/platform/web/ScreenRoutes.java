package org.healthcrm.platform.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** "/" opens the home screen; the idle-timeout warning's "stay signed in" renews the session here. */
@Controller
public class ScreenRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/app/home.xhtml");
    }

    @GetMapping("/app/keep-alive")
    public ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}
