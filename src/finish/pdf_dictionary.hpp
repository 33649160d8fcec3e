// Small libqpdf helper shared by the finishing steps that add resources to pages.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>
#include <string>

namespace logogrid {

// The dictionary at `key` of `parent`, made (and set) when it is missing or not a dictionary.
inline QPDFObjectHandle dictionary_at(QPDFObjectHandle parent, const std::string& key) {
  QPDFObjectHandle value = parent.getKey(key);
  if (!value.isDictionary()) {
    value = QPDFObjectHandle::newDictionary();
    parent.replaceKey(key, value);
  }
  return value;
}

}  // namespace logogrid
