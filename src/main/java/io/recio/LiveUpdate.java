package io.recio;

import java.util.Objects;
import java.util.function.Function;

/**
 * Something the console's browsers should see now, published by any module as a plain application event
 * ({@code ApplicationEventPublisher.publishEvent(LiveUpdate.latest(...))}); the {@code web} module's live channel
 * (one WebSocket per browser tab at {@code /ws/live}) delivers it in the envelope
 * {@code {"type", "key", "at", "data"}}, with {@code data} serialised by the application's JSON mapper
 * (snake_case). Pages subscribe by type ({@code recio.live.on(type, handler)} in {@code console.js}).
 * See {@code docs/console.md} for the types in use.
 *
 * @param type     what it is, in snake_case ({@code strike_table}, {@code services}, ...); pages dispatch on it
 * @param key      which instance of the type it replaces ({@code BTC}, ...); events use their type as key. The newest
 *                 state of every key is kept for tabs that connect later, so a type's keys are a small set
 * @param delivery how the channel treats a newer update of the same type and key
 * @param view     what one viewer may see of it; {@code null} sends that viewer nothing
 */
public record LiveUpdate(String type, String key, Delivery delivery, Function<LiveViewer, Object> view) {

    /** How updates of one type and key are delivered. */
    public enum Delivery {
        /**
         * A state: only the newest per key matters. Sent at most every push interval per key (a newer one
         * replaces one still waiting), and replayed to a tab that connects later.
         */
        LATEST,
        /** A state a trader must see at once (a new price, a trade's new status): like LATEST, never held back. */
        LATEST_NOW,
        /** An event (a fill, an alert): every one is sent, in order, and never replayed. */
        EVERY
    }

    public LiveUpdate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(view, "view");
    }

    /** The newest state of {@code type}/{@code key}, the same for every viewer. */
    public static LiveUpdate latest(String type, String key, Object data) {
        return new LiveUpdate(type, key, Delivery.LATEST, viewer -> data);
    }

    /** An event every viewer receives. */
    public static LiveUpdate every(String type, Object data) {
        return new LiveUpdate(type, type, Delivery.EVERY, viewer -> data);
    }

    /** The same update, seen only by master admins. */
    public LiveUpdate adminsOnly() {
        Function<LiveViewer, Object> all = view;
        return new LiveUpdate(type, key, delivery, viewer -> viewer.admin() ? all.apply(viewer) : null);
    }
}
