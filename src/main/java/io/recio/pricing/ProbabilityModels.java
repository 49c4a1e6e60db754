package io.recio.pricing;

import io.recio.market.Symbol;
import java.util.List;

/** Every probability model recio has, and which one the strike tables use for a symbol now. */
public interface ProbabilityModels {

    List<ProbabilityModel> all();

    /** The configured default model when it is ready for {@code symbol}, otherwise the first ready one. */
    ProbabilityModel preferred(Symbol symbol);
}
