package io.recio.web.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * recio's OpenAPI description ({@value #SPEC}, springdoc, from the controllers' typed records) and what it says
 * about signing in: a browser session (CSRF token on every change) or an API token. Only the API and
 * {@code /health} are described; the console's pages are not an API. Web applications only: springdoc configures
 * nothing in a tool command's context, which has no server to describe.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiConfiguration {

    /** Where the description is served (springdoc's default path, also the key {@code springdoc.api-docs.path}). */
    static final String SPEC = "/v3/api-docs";
    /** The page that shows it (Swagger UI), for signed-in users. */
    static final String PAGE = "/swagger-ui/index.html";

    /**
     * Schemas named as the API spells them: springdoc reads the records with its own Jackson 2 mapper, which knows
     * nothing of {@code spring.jackson.property-naming-strategy}, so it gets the same snake_case here.
     */
    @Bean
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mappers, SpringDocConfigProperties springdoc) {
        return new ModelResolver(mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(springdoc.isOpenapi31());
    }

    @Bean
    OpenAPI recioOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("recio API").version(properties != null ? properties.getVersion() : "development")
                        .description("""
                                recio's REST API: snake_case JSON, strict reading (an unknown field or a wrong type \
                                is refused), prices as Kalshi's fixed-point dollar strings unless a field says cents, \
                                every refusal one RFC 9457 problem {status, title, detail, code, field?}."""))
                .components(new Components()
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("the console's sign-in; a change also needs the X-CSRF-TOKEN header"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("an API token from Settings, within its scope")))
                .addSecurityItem(new SecurityRequirement().addList("session"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
