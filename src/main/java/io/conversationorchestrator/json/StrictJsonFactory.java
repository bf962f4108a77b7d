package io.conversationorchestrator.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/** Jackson's factory, with every parser it makes checked by {@link StrictParser}. */
final class StrictJsonFactory extends JsonFactory {
  StrictJsonFactory() {
    setInputDecorator(new Utf8Check());
  }

  private StrictJsonFactory(StrictJsonFactory source) {
    super(source, null);
  }

  @Override
  public JsonFactory copy() {
    return new StrictJsonFactory(this);
  }

  @Override
  protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
    return new StrictParser(super._createParser(in, context));
  }

  @Override
  protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
    return new StrictParser(super._createParser(reader, context));
  }

  @Override
  protected JsonParser _createParser(
      char[] data, int offset, int length, IOContext context, boolean recyclable)
      throws IOException {
    return new StrictParser(super._createParser(data, offset, length, context, recyclable));
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context)
      throws IOException {
    return new StrictParser(super._createParser(data, offset, length, context));
  }

  @Override
  protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
    return new StrictParser(super._createParser(input, context));
  }
}
