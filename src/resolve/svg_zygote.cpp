// The SVG worker zygote (see svg_zygote.hpp). One request per worker over a socket pair:
// the memory limit, with the worker's socket and stderr passed as SCM_RIGHTS; the answer
// is the worker's pid, sent once the worker is the caller's child.
#include "resolve/svg_zygote.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <mutex>

#include "safety/descriptor_io.hpp"

namespace logogrid {
namespace {

class ZygoteLink {
 public:
  ~ZygoteLink() {
    if (control_ >= 0) ::close(control_);  // the zygote reads end of input and exits
    if (pid_ > 0) wait_for_exit(pid_);
  }
  void set(int control, pid_t pid) {
    control_ = control;
    pid_ = pid;
  }
  bool started() const { return control_ >= 0; }
  bool fork_worker(double memory_mib, int socket, int errors, pid_t& pid);

 private:
  std::mutex mutex_;
  int control_ = -1;  // this process's end of the socket pair
  pid_t pid_ = -1;
};

ZygoteLink& link() {
  static ZygoteLink zygote;
  return zygote;
}

// One request on the control socket: the worker's memory budget as data, and its socket
// and stderr as two descriptors (SCM_RIGHTS).
struct RequestMessage {
  explicit RequestMessage(double& memory_mib) : data{&memory_mib, sizeof memory_mib} {
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = space;
    message.msg_controllen = sizeof space;
  }
  RequestMessage(const RequestMessage&) = delete;
  RequestMessage& operator=(const RequestMessage&) = delete;

  iovec data;
  alignas(cmsghdr) char space[CMSG_SPACE(2 * sizeof(int))] = {};
  msghdr message{};
};

bool send_request(int control, double memory_mib, int socket, int errors) {
  RequestMessage request(memory_mib);
  cmsghdr* rights = CMSG_FIRSTHDR(&request.message);
  rights->cmsg_level = SOL_SOCKET;
  rights->cmsg_type = SCM_RIGHTS;
  rights->cmsg_len = CMSG_LEN(2 * sizeof(int));
  const int fds[2] = {socket, errors};
  std::memcpy(CMSG_DATA(rights), fds, sizeof fds);
  ssize_t sent = 0;
  while ((sent = ::sendmsg(control, &request.message, MSG_NOSIGNAL)) < 0 && errno == EINTR) {
  }
  return sent == static_cast<ssize_t>(sizeof memory_mib);
}

// False at end of input (the caller has gone) or on a malformed request.
bool receive_request(int control, double& memory_mib, int& socket, int& errors) {
  RequestMessage request(memory_mib);
  ssize_t got = 0;
  while ((got = ::recvmsg(control, &request.message, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) {
  }
  const cmsghdr* rights = CMSG_FIRSTHDR(&request.message);
  if (got != static_cast<ssize_t>(sizeof memory_mib) || rights == nullptr ||
      rights->cmsg_type != SCM_RIGHTS || rights->cmsg_len != CMSG_LEN(2 * sizeof(int)))
    return false;
  int fds[2];
  std::memcpy(fds, CMSG_DATA(rights), sizeof fds);
  socket = fds[0];
  errors = fds[1];
  return true;
}

// In the newly forked worker: stderr to the caller, none of the zygote's own descriptors
// (`others`; what the program had open before main, such as ld.so's debug output, stays),
// the signal set-up a spawned worker gets, then the worker's loop on `socket`.
[[noreturn]] void become_worker(int socket, int errors, std::initializer_list<int> others,
                                double memory_mib, SvgRequestHandler handler, void (*prepare)()) {
  for (const int fd : others) ::close(fd);
  ::dup2(errors, STDERR_FILENO);
  ::close(errors);
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);
  ::signal(SIGXCPU, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  if (prepare != nullptr) prepare();
  serve_svg_worker(socket, memory_mib, handler);
  std::exit(0);
}

[[noreturn]] void run_zygote(int control, SvgRequestHandler handler, void (*prepare)()) {
  // Nothing of the caller's standard streams: a pipe it writes to must end with it.
  const int null = ::open("/dev/null", O_RDWR);
  for (int fd = 0; fd <= 2; ++fd) ::dup2(null, fd);
  if (null > 2) ::close(null);
  while (true) {
    double memory_mib = 0;
    int socket = -1, errors = -1;
    if (!receive_request(control, memory_mib, socket, errors)) std::_Exit(0);
    // Through an intermediate that exits at once: the worker, orphaned, becomes the
    // caller's child (the caller is a subreaper), and the caller alone waits for it.
    pid_t worker = -1;
    int pid_pipe[2];  // a socket pair, so that every write here is a send
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pid_pipe) == 0) {
      const pid_t middle = ::fork();
      if (middle == 0) {
        ::close(pid_pipe[0]);
        const pid_t child = ::fork();
        if (child == 0)
          become_worker(socket, errors, {control, pid_pipe[1]}, memory_mib, handler, prepare);
        send_exactly(pid_pipe[1], &child, sizeof child);
        ::_exit(0);
      }
      ::close(pid_pipe[1]);
      if (middle > 0) {
        if (!read_exactly(pid_pipe[0], &worker, sizeof worker)) worker = -1;
        wait_for_exit(middle);
      }
      ::close(pid_pipe[0]);
    }
    ::close(socket);
    ::close(errors);
    if (!send_exactly(control, &worker, sizeof worker)) std::_Exit(0);
  }
}

bool ZygoteLink::fork_worker(double memory_mib, int socket, int errors, pid_t& pid) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (control_ < 0) return false;
  pid_t worker = -1;
  if (!send_request(control_, memory_mib, socket, errors) ||
      !read_exactly(control_, &worker, sizeof worker)) {
    ::close(control_);  // the zygote is gone: workers are spawned from now on
    control_ = -1;
    return false;
  }
  if (worker <= 0) return false;
  pid = worker;
  return true;
}

}  // namespace

void start_svg_zygote(SvgRequestHandler handler, void (*prepare)()) {
  ZygoteLink& zygote = link();
  if (zygote.started()) return;
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) return;
  if (::prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
    ::close(ends[0]);
    ::close(ends[1]);
    return;
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(ends[0]);
    run_zygote(ends[1], handler, prepare);
  }
  ::close(ends[1]);
  if (pid < 0) {
    ::close(ends[0]);
    ::prctl(PR_SET_CHILD_SUBREAPER, 0);
    return;
  }
  zygote.set(ends[0], pid);
}

bool fork_svg_worker(double memory_mib, int socket, int errors, pid_t& pid) {
  return link().fork_worker(memory_mib, socket, errors, pid);
}

}  // namespace logogrid
