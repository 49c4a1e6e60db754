package io.recio.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The signed-in user's own account over the API: preferences and password. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MeApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    UserPreferences preferences;

    private MockHttpServletRequestBuilder as(String name, MockHttpServletRequestBuilder b, String body) {
        return b.with(user(name)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void aNewUserHasNewYorkTimeAndNoSoundOrNotifications() throws Exception {
        accounts.create("fresh", "fresh-password", Role.USER);
        mvc.perform(get("/api/me").with(user("fresh")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("fresh"))
                .andExpect(jsonPath("$.role").value("USER"))
                .andExpect(jsonPath("$.preferences.time_zone").value("America/New_York"))
                .andExpect(jsonPath("$.preferences.sound").value(false))
                .andExpect(jsonPath("$.preferences.browser_notifications").value(false));
    }

    @Test
    void preferencesAreSavedFieldByFieldAndABadTimeZoneIsNamed() throws Exception {
        mvc.perform(as("prefs", put("/api/me/preferences"), "{\"sound\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sound").value(true));
        mvc.perform(as("prefs", put("/api/me/preferences"), "{\"time_zone\": \"Europe/Berlin\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.time_zone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.sound").value(true));
        mvc.perform(as("prefs", put("/api/me/preferences"), "{\"time_zone\": \"Mars/Olympus\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("time_zone"));
        assertThat(preferences.of("prefs").timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aPasswordChangesOnlyWithTheCurrentOneAndAnAcceptableNewOne() throws Exception {
        accounts.create("changer", "first-password", Role.USER);
        mvc.perform(as("changer", post("/api/me/password"),
                        "{\"current_password\": \"wrong-password\", \"new_password\": \"second-password\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("current_password"));
        mvc.perform(as("changer", post("/api/me/password"),
                        "{\"current_password\": \"first-password\", \"new_password\": \"short\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("new_password"))
                .andExpect(jsonPath("$.detail").value("password must have at least 8 characters"));
        assertThat(accounts.passwordMatches("changer", "first-password")).isTrue();
        mvc.perform(as("changer", post("/api/me/password"),
                        "{\"current_password\": \"first-password\", \"new_password\": \"second-password\"}"))
                .andExpect(status().isNoContent());
        assertThat(accounts.passwordMatches("changer", "second-password")).isTrue();
        assertThat(accounts.passwordMatches("changer", "first-password")).isFalse();
    }
}
