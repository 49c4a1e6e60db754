package io.recio.web.internal;

import io.recio.RecioProperties;
import io.recio.ops.ManagedServices;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's pages: login, the Trade Monitor (home) and the services list. */
@Controller
class PagesController {

    private final ManagedServices services;
    private final RecioProperties properties;

    PagesController(ManagedServices services, RecioProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The Trade Monitor: live strike tables, price, momentum and watchlist, with a small services panel. */
    @GetMapping("/")
    String monitor(Model model, Principal principal) {
        model.addAttribute("user", principal.getName());
        model.addAttribute("mode", properties.mode());
        model.addAttribute("services", services.all());
        return "monitor";
    }

    /** The full services list (the former home page). */
    @GetMapping("/services")
    String services(Model model, Principal principal) {
        model.addAttribute("user", principal.getName());
        model.addAttribute("mode", properties.mode());
        model.addAttribute("services", services.all());
        return "home";
    }
}
