package dev.reelforge.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Converts events and results to and from JSON exactly as the Lambda Java runtime does: with
 * aws-lambda-java-serialization, which knows the field names AWS uses for each event class.
 */
public final class LambdaJson {

    private static final Serializers SERIALIZERS = new Serializers();

    /**
     * One serializer per class, built on first use, as the runtime builds one per handler at init: building one
     * copies a Jackson mapper and registers its modules, and a fresh mapper learns each class's properties again.
     * A named class, not an anonymous one, so that the cold-start bench's runner jar, which copies this class and
     * its declared nested classes, carries it.
     */
    private static final class Serializers extends ClassValue<PojoSerializer<?>> {
        @Override
        protected PojoSerializer<?> computeValue(Class<?> type) {
            return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                    ? LambdaEventSerializers.serializerFor(type, LambdaJson.class.getClassLoader())
                    : JacksonFactory.getInstance().getSerializer(type);
        }
    }

    private LambdaJson() {}

    @SuppressWarnings("unchecked")
    public static <T> T fromJson(String json, Class<T> type) {
        if (type == String.class) {
            return (T) json;
        }
        return serializerFor(type).fromJson(json);
    }

    @SuppressWarnings("unchecked")
    public static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializerFor(value.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializerFor(Class<T> type) {
        return (PojoSerializer<T>) SERIALIZERS.get(type);
    }
}
