package dev.reelforge.core.callback;

public sealed interface DispatchCallbackResult {

    /** A delivery was created and its first message sent. */
    record Dispatched(String deliveryId) implements DispatchCallbackResult {}

    /** The delivery existed already and was attempted: a repeated event, which sends nothing more. */
    record AlreadyDispatched(String deliveryId) implements DispatchCallbackResult {}

    /**
     * The delivery existed already with no attempt made: its first message was sent again, since a crash between
     * creating the delivery and sending it would have left it so.
     */
    record SentAgain(String deliveryId) implements DispatchCallbackResult {}

    /** Nothing to send: no such render or asset, no callback asked for, or not ended (yet). */
    record NothingToSend(String reason) implements DispatchCallbackResult {}
}
