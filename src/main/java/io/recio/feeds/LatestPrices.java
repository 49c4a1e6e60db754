package io.recio.feeds;

import io.recio.market.Symbol;
import java.util.Optional;

/** The newest logged price of each symbol, for modules that need it now rather than on the next event. */
public interface LatestPrices {

    Optional<PriceTick> latest(Symbol symbol);
}
