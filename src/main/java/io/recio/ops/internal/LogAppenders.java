package io.recio.ops.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.recio.RecioProperties;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * recio's log files, added to logback once the data directory is known: the application log
 * {@code <data-dir>/logs/recio.log} with every line, and one file per managed service {@code <service>.log} with
 * the lines written on that service's thread (the runner marks them with the MDC key {@code service}). Each rolls
 * by size and day into gzipped parts ({@link LogsProperties}).
 */
@Component
class LogAppenders implements DisposableBean {

    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} : %msg%n";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Path dir;
    private final LogsProperties settings;
    private final RollingFileAppender<ILoggingEvent> application;
    private final ServiceFiles services = new ServiceFiles();

    LogAppenders(RecioProperties recio, LogsProperties settings) {
        this.dir = recio.dataDir().resolve("logs");
        this.settings = settings;
        this.application = rolling(LogFiles.APPLICATION);
        services.setContext(context);
        services.setName("recio-services");
        services.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(application);
        root.addAppender(services);
    }

    /** One rolling, gzipping file appender for {@code <name>.log}. */
    private RollingFileAppender<ILoggingEvent> rolling(String name) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("recio-file-" + name);
        appender.setFile(dir.resolve(name + ".log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve(name + ".%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(new FileSize(settings.maxFileSize().toBytes()));
        policy.setMaxHistory(settings.maxHistory());
        policy.setTotalSizeCap(new FileSize(settings.totalSizeCap().toBytes()));
        policy.start();
        appender.setRollingPolicy(policy);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** Sends each line written for a service to that service's file, opened on its first line. */
    private final class ServiceFiles extends AppenderBase<ILoggingEvent> {
        private final Map<String, RollingFileAppender<ILoggingEvent>> files = new ConcurrentHashMap<>();

        @Override
        protected void append(ILoggingEvent event) {
            String service = event.getMDCPropertyMap().get(ServiceRunner.MDC_SERVICE);
            if (service != null) {
                files.computeIfAbsent(service, LogAppenders.this::rolling).doAppend(event);
            }
        }

        @Override
        public void stop() {
            files.values().forEach(RollingFileAppender::stop);
            super.stop();
        }
    }

    @Override
    public void destroy() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(application);
        root.detachAppender(services);
        application.stop();
        services.stop();
    }
}
