/**
 * Shared trading vocabulary: symbols, event and market tickers (New York hour of the close), strikes, sides, and the fixed-point price, count, money and spot-price types every other module speaks. No I/O and no Spring beans live here.
 */
package io.recio.market;
