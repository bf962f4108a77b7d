package io.conversationorchestrator.json;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses bytes that are not well-formed UTF-8 before Jackson decodes them: Jackson's own decoder
 * accepts overlong forms (C0 AF would become '/') and encoded surrogates. The JDK's decoder rejects
 * both. Bodies are bounded by the HTTP layer's limit, so reading one whole is fine.
 */
final class Utf8Check extends InputDecorator {
  @Override
  public InputStream decorate(IOContext context, InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    check(bytes, 0, bytes.length);
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public InputStream decorate(IOContext context, byte[] src, int offset, int length)
      throws IOException {
    check(src, offset, length);
    return null;
  }

  @Override
  public Reader decorate(IOContext context, Reader reader) {
    return null;
  }

  private static void check(byte[] bytes, int offset, int length) throws InvalidJsonException {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length));
    } catch (CharacterCodingException e) {
      throw new InvalidJsonException(null, "", "The request body is not valid UTF-8");
    }
  }
}
