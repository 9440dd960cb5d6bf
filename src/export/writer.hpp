// Internal to the export stage: a streaming JSON writer. The model is written
// once, in order, so building a DOM first (as nlohmann::json would) only costs
// time and memory: this writes straight into one string.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::internal {

class JsonWriter {
 public:
  // With a sink, the text goes out in chunks as it is written (no whole-document
  // string); without one, take() returns it.
  explicit JsonWriter(bool pretty, std::ostream* sink = nullptr) : pretty_(pretty), sink_(sink) {}

  JsonWriter& begin_object() { return open('{', true); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('[', false); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(unsigned long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(long number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(unsigned number) { return value(static_cast<unsigned long long>(number)); }
  JsonWriter& value(unsigned long number) { return value(static_cast<unsigned long long>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  template <typename T>
  JsonWriter& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }

  // key(name).value(v) in one call.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  std::string take() { return std::move(out_); }
  void flush();

 private:
  JsonWriter& open(char bracket, bool object);
  JsonWriter& close(char bracket);
  void before_value();
  void newline();
  void escape(std::string_view text);

  void maybe_flush() {
    if (sink_ && out_.size() >= (1u << 16)) flush();
  }

  std::string out_;
  bool pretty_;
  std::ostream* sink_;
  struct Level {
    bool first = true;
    bool object = false;
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace vnplan::internal
